//! Transcripts: replaying a script as if typed at the prompt.

pub mod replay;
