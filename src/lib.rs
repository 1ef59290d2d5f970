//! iexr: an iex-style REPL in which every Elixir process is an OS thread.
//!
//! The pipeline: [`syntax`] (text → AST) → [`eval`] (AST → compiled code →
//! terms, run inside a [`runtime`] process) → [`term::inspect`] (term → text)
//! → [`repl`] / [`transcript`] (the terminal, scripts, transcripts).

// Terms are map keys and set members; their order never looks at the code a
// function value points to (whose call slots can be swapped), so that
// interior mutability cannot change a key's position.
#![allow(clippy::mutable_key_type)]

/// Every process is a thread that allocates terms and frees them on other
/// threads; mimalloc keeps that fast.
#[global_allocator]
static ALLOC: alloc::Mi = alloc::Mi;

mod alloc {
    use std::alloc::{GlobalAlloc, Layout};
    use std::ffi::c_void;

    use libmimalloc_sys as mi;

    /// mimalloc, asked for a plain block whenever the alignment is one every
    /// block has (a whole number of words): its aligned entry points take a
    /// slower path for block sizes that are not powers of two.
    pub struct Mi;

    /// Every mimalloc block is a whole number of words, at a word boundary.
    const WORD: usize = std::mem::size_of::<usize>();

    unsafe impl GlobalAlloc for Mi {
        #[inline]
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            unsafe {
                if l.align() <= WORD {
                    mi::mi_malloc(l.size()) as *mut u8
                } else {
                    mi::mi_malloc_aligned(l.size(), l.align()) as *mut u8
                }
            }
        }

        #[inline]
        unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
            unsafe {
                if l.align() <= WORD {
                    mi::mi_zalloc(l.size()) as *mut u8
                } else {
                    mi::mi_zalloc_aligned(l.size(), l.align()) as *mut u8
                }
            }
        }

        #[inline]
        unsafe fn dealloc(&self, p: *mut u8, _l: Layout) {
            unsafe { mi::mi_free(p as *mut c_void) }
        }

        #[inline]
        unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
            unsafe {
                if l.align() <= WORD {
                    mi::mi_realloc(p as *mut c_void, new_size) as *mut u8
                } else {
                    mi::mi_realloc_aligned(p as *mut c_void, new_size, l.align()) as *mut u8
                }
            }
        }
    }
}

pub mod eval;
pub mod repl;
pub mod report;
pub mod runtime;
pub mod script;
pub mod stdlib;
pub mod syntax;
pub mod term;
pub mod transcript;
