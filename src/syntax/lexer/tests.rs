//! Lexer unit tests: token kinds, spacing and the newlines Elixir ignores.

use super::{Tok, tokenize};

fn kinds(src: &str) -> Vec<Tok> {
    match tokenize(src) {
        Ok(toks) => toks.into_iter().map(|t| t.tok).collect(),
        Err(e) => panic!("{src:?}: {e:?}"),
    }
}

#[test]
fn operators_longest_match() {
    assert_eq!(
        kinds("a === b !== c <<< d |> e"),
        vec![
            Tok::Ident("a".into()),
            Tok::Op("==="),
            Tok::Ident("b".into()),
            Tok::Op("!=="),
            Tok::Ident("c".into()),
            Tok::Op("<<<"),
            Tok::Ident("d".into()),
            Tok::Op("|>"),
            Tok::Ident("e".into()),
        ]
    );
    assert_eq!(kinds("a not in b")[1], Tok::Op("not in"));
    assert_eq!(kinds("x::binary")[1], Tok::Op("::"));
}

#[test]
fn keyword_keys_and_atoms() {
    assert_eq!(kinds("do: 1")[0], Tok::KwKey("do".into()));
    assert_eq!(kinds("\"a b\": 1")[0], Tok::KwKey("a b".into()));
    assert_eq!(kinds(":foo?")[0], Tok::Atom("foo?".into()));
    assert_eq!(kinds(":Foo.Bar")[0], Tok::Atom("Foo.Bar".into()));
    assert_eq!(kinds("&2")[0], Tok::CaptureArg(2));
}

#[test]
fn ignored_newlines() {
    assert_eq!(kinds("a +\nb").len(), 3);
    assert_eq!(kinds("a\n|> b").len(), 3);
    assert_eq!(kinds("a\n+ b").len(), 4);
    assert_eq!(kinds("[1,\n2]").len(), 5);
    assert_eq!(
        kinds("a\n\n\nb"),
        vec![Tok::Ident("a".into()), Tok::Eol, Tok::Ident("b".into())]
    );
}

#[test]
fn spans_and_spacing() {
    let toks = tokenize("foo (1)\n  bar[2]").unwrap_or_default();
    assert!(toks[1].space_before);
    let bar = &toks[5];
    assert_eq!((bar.span.line, bar.span.col, bar.span.start), (2, 3, 10));
    assert!(!toks[6].space_before);
}

#[test]
fn unicode_columns() {
    let e = tokenize("\"é\" \u{1}").err();
    assert_eq!(e.map(|e| (e.line, e.col)), Some((1, 5)));
}
