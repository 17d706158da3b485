//! Copying `site/static/` (styles, scripts) into the site, as the files are.

use std::path::Path;

use super::BuildError;
use super::output::Files;
use super::render::Renderer;

impl Renderer<'_> {
    /// Copies the static files into the site.
    pub(super) fn copy_static_files(&mut self, site_dir: &Path) -> Result<(), BuildError> {
        let static_dir = site_dir.join("static");
        let mut files = Files::new();
        copy_tree(&static_dir, &static_dir, &mut files)?;
        self.add_all(files.into_iter().collect())?;
        self.timer.lap("static files");
        Ok(())
    }
}

/// Copies `site/static/` into the site. Symbolic links are followed only to files inside that
/// folder; a linked folder is refused (it could lead out, or in a circle).
fn copy_tree(root: &Path, dir: &Path, files: &mut Files) -> Result<(), BuildError> {
    let entries = std::fs::read_dir(dir).map_err(BuildError::io(dir))?;
    let mut entries: Vec<std::fs::DirEntry> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type().map_err(BuildError::io(&path))?;
        if kind.is_dir() {
            copy_tree(root, &path, files)?;
        } else if kind.is_symlink() && path.is_dir() {
            return Err(BuildError::SiteFile {
                path,
                problem: "a symbolic link to a folder; static files are copied only from real folders: replace the link by the folder itself".into(),
            });
        } else {
            let bytes = methodewijzer::input::read_file(
                root,
                &path,
                methodewijzer::input::MAX_STATIC_BYTES,
            )
            .map_err(|e| BuildError::SiteFile {
                path: path.clone(),
                problem: e.to_string(),
            })?;
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            files.insert(relative, bytes);
        }
    }
    Ok(())
}
