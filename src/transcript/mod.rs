//! Transcripts: replaying a script as if typed at the prompt, and checking
//! saved iex transcripts against what the engine prints.

pub mod check;
pub mod markdown;
pub mod matching;
pub mod parse;
pub mod replay;
