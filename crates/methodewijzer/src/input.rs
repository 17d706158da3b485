//! Reading input files without trusting them.
//!
//! Editors' pull requests are untrusted input, and the build runs with the repository's rights
//! and publishes what it reads. So every file the catalogue and the site generator read goes
//! through [`read_file`], which reads only regular files (a FIFO would block forever, a device
//! such as `/dev/zero` would never end), only up to a size limit, and never through a symbolic
//! link that leads out of the folder the file is in (a link to `/etc/passwd` must not be
//! published, nor echoed into a CI log by an error message).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::messages::{Message, Msg};

/// The largest method, vocabulary or template file read: far above any real one (the largest
/// method is about 15 KB), far below what could exhaust memory.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// The largest static file (an image, a font) copied into the site.
pub const MAX_STATIC_BYTES: u64 = 32 * 1024 * 1024;

/// Why an input file was not read.
#[derive(Debug)]
#[non_exhaustive]
pub enum InputError {
    /// A path that leads out of its folder, through a symbolic link or `..`.
    LinkOutside {
        /// The folder it must stay in.
        folder: PathBuf,
    },
    /// A pipe, device, socket or folder where a file was expected.
    NotARegularFile,
    /// Larger than the limit.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The operating system refused.
    Io(std::io::Error),
}

impl InputError {
    /// The message, with its code (`MW007`–`MW010`), in the language of the process.
    pub fn message(&self) -> Message {
        match self {
            InputError::LinkOutside { folder } => {
                Msg::LinkOutside.with(&[("folder", &folder.display())])
            }
            InputError::NotARegularFile => Msg::NotARegularFile.into(),
            InputError::TooLarge { limit } => {
                Msg::TooLarge.with(&[("limit", &(limit / (1024 * 1024)))])
            }
            InputError::Io(e) => Msg::Unreadable.with(&[("error", e)]),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text)
    }
}

impl std::error::Error for InputError {}

impl From<std::io::Error> for InputError {
    fn from(e: std::io::Error) -> Self {
        InputError::Io(e)
    }
}

/// Resolves `path` (following every symbolic link and `..`) and checks that it lies inside
/// `folder`. Returns the resolved path.
pub fn resolve_within(folder: &Path, path: &Path) -> Result<PathBuf, InputError> {
    let target = path.canonicalize()?;
    let folder = folder.canonicalize()?;
    if target.starts_with(&folder) {
        Ok(target)
    } else {
        Err(InputError::LinkOutside { folder })
    }
}

/// Reads the regular file `path`, which must lie in `folder` (also after following a link),
/// of at most `limit` bytes.
pub fn read_file(folder: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let target = resolve_within(folder, path)?;
    let meta = std::fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(InputError::NotARegularFile);
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    // The file may grow between the check and the read: read one byte past the limit at most.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(&target)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads a catalogue text file, reporting why it cannot be read (or is not UTF-8) as a
/// located diagnostic.
pub(crate) fn read_text(path: &Path, diagnostics: &mut Diagnostics) -> Option<String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    match crate::input::read_file(folder, path, crate::input::MAX_TEXT_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let text = String::from_utf8_lossy(valid);
                diagnostics.push(Diagnostic::at(
                    Severity::Error,
                    path,
                    &text,
                    text.len()..text.len(),
                    Msg::NotUtf8,
                ));
                None
            }
        },
        Err(e) => {
            diagnostics.push(Diagnostic::file(Severity::Error, path, e.message()));
            None
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_files_and_links_inside() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "x = 1").unwrap();
        std::os::unix::fs::symlink("a.toml", dir.path().join("b.toml")).unwrap();
        assert_eq!(
            read_file(dir.path(), &dir.path().join("b.toml"), 100).unwrap(),
            b"x = 1"
        );
    }

    #[test]
    fn refuses_links_out_pipes_devices_and_large_files() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "geheim").unwrap();
        let link = dir.path().join("passwd.toml");
        std::os::unix::fs::symlink(outside.path().join("secret"), &link).unwrap();
        assert!(matches!(
            read_file(dir.path(), &link, 100),
            Err(InputError::LinkOutside { .. })
        ));
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(read_file(dir.path(), &zero, 100).is_err());
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'a'; 101]).unwrap();
        assert!(matches!(
            read_file(dir.path(), &big, 100),
            Err(InputError::TooLarge { limit: 100 })
        ));
        assert!(matches!(
            read_file(dir.path(), dir.path(), 100),
            Err(InputError::NotARegularFile)
        ));
    }
}
