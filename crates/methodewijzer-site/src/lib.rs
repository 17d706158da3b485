//! The Methodewijzer site generator, behind the `methodewijzer` command.
//!
//! [`site`] renders the static site from a catalogue and `site/` (templates, strings, static
//! files, pages) and writes it safely; [`serve`] is the live preview for editors. The HTTP and
//! file-watching code lives here, not in the `methodewijzer` library, so that programs that
//! only read the catalogue do not pull it in.

pub mod serve;
pub mod site;
