//! Atoms: indices into one global interner shared by every process thread.
//!
//! **Invariant:** an atom's index never changes and is never reused; the
//! well-known atoms below are interned first, in this order, so their
//! constants are valid before anything else runs.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

/// An interned atom. Cheap to copy, compare and send.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atom(pub u32);

struct Interner {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

const WELL_KNOWN: &[&str] = &[
    "nil",
    "true",
    "false",
    "ok",
    "error",
    "__struct__",
    "__exception__",
    "message",
    "normal",
    "kill",
    "killed",
    "EXIT",
    "DOWN",
    "process",
    "noproc",
    "messages",
    "message_queue_len",
    "do",
    "else",
    "after",
    "rescue",
    "catch",
    "throw",
    "infinity",
    "timeout",
    "undefined",
    "badarg",
    "Elixir.Kernel",
    "term",
    "value",
    "key",
    "module",
    "function",
    "arity",
    "args",
    "reason",
    "status",
    "running",
    "waiting",
    "links",
    "monitors",
    "registered_name",
    "dictionary",
    "trap_exit",
    "shutdown",
    "reply",
    "noreply",
    "stop",
    "$gen_call",
    "$gen_cast",
    "ignore",
    "name",
    "first",
    "last",
    "step",
    "Elixir.Range",
    "badmatch",
    "function_clause",
    "badarith",
    "case_clause",
    "undef",
    "badfun",
    "badarity",
    "badkey",
    "badmap",
    "stderr",
    "stdio",
    "all",
    "exit",
];

impl Atom {
    // The well-known atoms; `WELL_KNOWN` lists their texts in the same order.
    pub const NIL: Atom = Atom(0);
    pub const TRUE: Atom = Atom(1);
    pub const FALSE: Atom = Atom(2);
    pub const OK: Atom = Atom(3);
    pub const ERROR: Atom = Atom(4);
    pub const STRUCT: Atom = Atom(5);
    pub const EXCEPTION: Atom = Atom(6);
    pub const MESSAGE: Atom = Atom(7);
    pub const NORMAL: Atom = Atom(8);
    pub const KILL: Atom = Atom(9);
    pub const KILLED: Atom = Atom(10);
    pub const EXIT: Atom = Atom(11);
    pub const DOWN: Atom = Atom(12);
    pub const PROCESS: Atom = Atom(13);
    pub const NOPROC: Atom = Atom(14);
    pub const MESSAGES: Atom = Atom(15);
    pub const MESSAGE_QUEUE_LEN: Atom = Atom(16);
    pub const DO: Atom = Atom(17);
    pub const ELSE: Atom = Atom(18);
    pub const AFTER: Atom = Atom(19);
    pub const RESCUE: Atom = Atom(20);
    pub const CATCH: Atom = Atom(21);
    pub const THROW: Atom = Atom(22);
    pub const INFINITY: Atom = Atom(23);
    pub const TIMEOUT: Atom = Atom(24);
    pub const UNDEFINED: Atom = Atom(25);
    pub const BADARG: Atom = Atom(26);
    pub const ELIXIR_KERNEL: Atom = Atom(27);
    pub const TERM: Atom = Atom(28);
    pub const VALUE: Atom = Atom(29);
    pub const KEY: Atom = Atom(30);
    pub const MODULE: Atom = Atom(31);
    pub const FUNCTION: Atom = Atom(32);
    pub const ARITY: Atom = Atom(33);
    pub const ARGS: Atom = Atom(34);
    pub const REASON: Atom = Atom(35);
    pub const STATUS: Atom = Atom(36);
    pub const RUNNING: Atom = Atom(37);
    pub const WAITING: Atom = Atom(38);
    pub const LINKS: Atom = Atom(39);
    pub const MONITORS: Atom = Atom(40);
    pub const REGISTERED_NAME: Atom = Atom(41);
    pub const DICTIONARY: Atom = Atom(42);
    pub const TRAP_EXIT: Atom = Atom(43);
    pub const SHUTDOWN: Atom = Atom(44);
    pub const REPLY: Atom = Atom(45);
    pub const NOREPLY: Atom = Atom(46);
    pub const STOP: Atom = Atom(47);
    pub const CALL: Atom = Atom(48);
    pub const CAST: Atom = Atom(49);
    pub const IGNORE: Atom = Atom(50);
    pub const NAME: Atom = Atom(51);
    pub const FIRST: Atom = Atom(52);
    pub const LAST: Atom = Atom(53);
    pub const STEP: Atom = Atom(54);
    pub const ELIXIR_RANGE: Atom = Atom(55);
    pub const BADMATCH: Atom = Atom(56);
    pub const FUNCTION_CLAUSE: Atom = Atom(57);
    pub const BADARITH: Atom = Atom(58);
    pub const CASE_CLAUSE: Atom = Atom(59);
    pub const UNDEF: Atom = Atom(60);
    pub const BADFUN: Atom = Atom(61);
    pub const BADARITY: Atom = Atom(62);
    pub const BADKEY: Atom = Atom(63);
    pub const BADMAP: Atom = Atom(64);
    pub const STDERR: Atom = Atom(65);
    pub const STDIO: Atom = Atom(66);
    pub const ALL: Atom = Atom(67);
    pub const EXIT_KIND: Atom = Atom(68);

    /// Interns `name`, returning its atom.
    pub fn new(name: &str) -> Atom {
        if let Some(&id) = INTERNER.read().unwrap_or_else(|e| e.into_inner()).ids.get(name) {
            return Atom(id);
        }
        let mut w = INTERNER.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = w.ids.get(name) {
            return Atom(id);
        }
        let id = w.names.len() as u32;
        let text: Arc<str> = Arc::from(name);
        w.names.push(text.clone());
        w.ids.insert(text, id);
        Atom(id)
    }

    /// The atom if `name` was already interned (`String.to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        INTERNER
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .ids
            .get(name)
            .map(|&i| Atom(i))
    }

    /// The atom's text, without a leading colon.
    pub fn name(self) -> Arc<str> {
        INTERNER.read().unwrap_or_else(|e| e.into_inner()).names[self.0 as usize].clone()
    }

    /// `Foo.Bar` for an `Elixir.Foo.Bar` atom, else `None`.
    pub fn alias_name(self) -> Option<String> {
        self.name().strip_prefix("Elixir.").map(str::to_string)
    }

    /// The atom for an Elixir alias written `Foo.Bar` (that is, `:"Elixir.Foo.Bar"`).
    pub fn alias(dotted: &str) -> Atom {
        Atom::new(&format!("Elixir.{dotted}"))
    }
}

static INTERNER: LazyLock<RwLock<Interner>> = LazyLock::new(|| {
    let mut i = Interner {
        ids: HashMap::new(),
        names: Vec::new(),
    };
    for (n, text) in WELL_KNOWN.iter().enumerate() {
        let t: Arc<str> = Arc::from(*text);
        i.names.push(t.clone());
        i.ids.insert(t, n as u32);
    }
    RwLock::new(i)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_atoms_are_interned_first() {
        for (i, text) in WELL_KNOWN.iter().enumerate() {
            assert_eq!(Atom::new(text), Atom(i as u32));
        }
        assert_eq!(Atom::new("nil"), Atom::NIL);
        assert_eq!(&*Atom::STDIO.name(), "stdio");
        assert_eq!(Atom::new("brand_new_atom_x"), Atom::new("brand_new_atom_x"));
        assert_eq!(
            Atom::alias("Servy.PledgeServer").alias_name().as_deref(),
            Some("Servy.PledgeServer")
        );
    }
}
