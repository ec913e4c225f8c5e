//! The screens, each with its own state, keys and drawing. A screen never
//! reaches into the [`App`](super::App): it returns what it needs (start a run,
//! open a dialog, quit) and the `App` switches.

pub mod dialog;
pub mod end;
pub mod help;
pub mod picker;
pub mod replay;
pub mod runs;
pub mod title;
pub mod week;
