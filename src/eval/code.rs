//! The code table: every module's functions, shared by all processes.
//!
//! **Invariant:** a call site holds an `Arc<FunSlot>` for `{module, name, arity}`
//! made at compile time, even before the function exists (a call to a
//! function defined later in the module, or in a module loaded later).
//! Defining a module swaps the slots' contents atomically, so running
//! processes pick up the new code at their next call, as on the BEAM.
//! Loaded code is never freed (a process may still be running an old
//! version), so a call reaches its definition by a plain pointer load,
//! without reference counting.

use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, LazyLock, RwLock};

use super::ir::Clause;
use crate::term::{Atom, Term};

/// One function: all clauses of `name/arity` in a module.
#[derive(Debug)]
pub struct FunDef {
    pub module: Atom,
    pub name: Atom,
    pub arity: usize,
    pub public: bool,
    pub clauses: Vec<Clause>,
    /// Frame size needed by the largest clause.
    pub slots: usize,
    /// File and line of the first clause, for stack traces.
    pub file: Arc<str>,
    pub line: u32,
}

/// Where a function lives; empty until its module is defined.
#[derive(Debug)]
pub struct FunSlot {
    pub module: Option<Atom>,
    pub name: Option<Atom>,
    pub arity: usize,
    def: AtomicPtr<FunDef>,
}

impl FunSlot {
    fn new(module: Atom, name: Atom, arity: usize) -> FunSlot {
        FunSlot {
            module: Some(module),
            name: Some(name),
            arity,
            def: AtomicPtr::new(std::ptr::null_mut()),
        }
    }

    /// The current definition, if the function is loaded.
    #[inline]
    pub fn get(&self) -> Option<&'static FunDef> {
        let p = self.def.load(Ordering::Acquire);
        // SAFETY: the pointer is null or comes from `Box::leak` in `set`, and
        // definitions are never freed.
        unsafe { p.as_ref() }
    }

    fn set(&self, d: Option<&'static FunDef>) {
        let p = d.map_or(std::ptr::null_mut(), |d| d as *const FunDef as *mut FunDef);
        self.def.store(p, Ordering::Release);
    }
}

/// What is known of a module besides its functions.
#[derive(Debug, Default, Clone)]
pub struct ModuleInfo {
    pub name: Option<Atom>,
    /// `defstruct` fields with defaults, in definition order.
    pub struct_fields: Option<Vec<(Atom, Term)>>,
    /// Whether `defexception` made it an exception.
    pub exception: bool,
    /// Public functions as `(name, arity)`, sorted.
    pub exports: Vec<(Atom, usize)>,
    /// Source file the module came from.
    pub file: Arc<str>,
}

#[derive(Default)]
struct Table {
    slots: HashMap<(Atom, Atom, usize), Arc<FunSlot>>,
    modules: HashMap<Atom, Arc<ModuleInfo>>,
}

static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(Default::default);

fn read() -> std::sync::RwLockReadGuard<'static, Table> {
    TABLE.read().unwrap_or_else(|e| e.into_inner())
}

fn write() -> std::sync::RwLockWriteGuard<'static, Table> {
    TABLE.write().unwrap_or_else(|e| e.into_inner())
}

/// The slot for `module.name/arity`, created empty if needed.
pub fn slot(module: Atom, name: Atom, arity: usize) -> Arc<FunSlot> {
    crate::stdlib::otp::require(module, Some(name));
    if let Some(s) = read().slots.get(&(module, name, arity)) {
        return s.clone();
    }
    write()
        .slots
        .entry((module, name, arity))
        .or_insert_with(|| Arc::new(FunSlot::new(module, name, arity)))
        .clone()
}

/// The definition of `module.name/arity`, if loaded (Elixir's own modules
/// written in Elixir are loaded when first asked for, see `stdlib::otp`).
pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<&'static FunDef> {
    let found = read().slots.get(&(module, name, arity)).and_then(|s| s.get());
    found.or_else(|| {
        crate::stdlib::otp::require(module, Some(name));
        read().slots.get(&(module, name, arity)).and_then(|s| s.get())
    })
}

pub fn module(name: Atom) -> Option<Arc<ModuleInfo>> {
    let found = read().modules.get(&name).cloned();
    found.or_else(|| {
        crate::stdlib::otp::require(name, None);
        read().modules.get(&name).cloned()
    })
}

/// Whether `module` is defined in code (loading Elixir's own modules
/// written in Elixir when first asked for).
pub fn module_loaded(name: Atom) -> bool {
    read().modules.contains_key(&name) || {
        crate::stdlib::otp::require(name, None);
        read().modules.contains_key(&name)
    }
}

/// Whether `module` is defined in code now, without loading anything.
pub fn module_defined(name: Atom) -> bool {
    read().modules.contains_key(&name)
}

/// Installs a module: its info and all its functions; functions of an earlier
/// version that the new one lacks are removed.
pub fn install(info: ModuleInfo, defs: Vec<FunDef>) {
    let Some(name) = info.name else { return };
    let mut t = write();
    let stale: Vec<_> = t
        .slots
        .iter()
        .filter(|(k, _)| k.0 == name)
        .map(|(_, s)| s.clone())
        .collect();
    for s in stale {
        s.set(None);
    }
    for d in defs {
        let key = (d.module, d.name, d.arity);
        let s = t
            .slots
            .entry(key)
            .or_insert_with(|| Arc::new(FunSlot::new(key.0, key.1, key.2)))
            .clone();
        s.set(Some(Box::leak(Box::new(d))));
    }
    t.modules.insert(name, Arc::new(info));
}

/// All loaded user modules.
pub fn modules() -> Vec<Atom> {
    read().modules.keys().copied().collect()
}

/// Makes a struct known before its module finishes compiling (its own functions use it).
pub fn install_struct(name: Atom, fields: Vec<(Atom, Term)>, exception: bool) {
    let mut t = write();
    let info = t
        .modules
        .get(&name)
        .map(|m| (**m).clone())
        .unwrap_or_else(|| ModuleInfo {
            name: Some(name),
            ..Default::default()
        });
    t.modules.insert(
        name,
        Arc::new(ModuleInfo {
            struct_fields: Some(fields),
            exception,
            ..info
        }),
    );
}
