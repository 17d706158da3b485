//! An embedding program (or `serve`) can tell why a build failed from the error's type, not
//! by reading its message.

use std::path::{Path, PathBuf};

use methodewijzer_site::site::{self, BuildError, BuildOptions};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn options(catalogue: &Path) -> BuildOptions {
    BuildOptions {
        catalogue: catalogue.to_path_buf(),
        site: PathBuf::from(ROOT).join("site"),
        base_url: None,
        inject: None,
    }
}

#[test]
fn each_kind_of_failure_has_its_own_variant() {
    let shipped = PathBuf::from(ROOT).join("interventions");

    // Building into the catalogue folder is refused before anything is read.
    let err = site::build(&options(&shipped), &shipped).unwrap_err();
    assert!(matches!(err, BuildError::OutputRefused { .. }), "{err:?}");

    // A catalogue with errors carries its diagnostics.
    let broken = PathBuf::from(ROOT).join("tests/fixtures/three-broken");
    let err = site::render(&options(&broken)).unwrap_err();
    let BuildError::Catalogue(diagnostics) = &err else {
        panic!("{err:?}");
    };
    assert!(diagnostics.has_errors());

    // An address that is not a web address names itself.
    let mut bad_url = options(&shipped);
    bad_url.base_url = Some("javascript:alert(1)//".into());
    let err = site::render(&bad_url).unwrap_err();
    assert!(
        matches!(&err, BuildError::BaseUrl { value, .. } if value.starts_with("javascript")),
        "{err:?}"
    );

    // A folder that exists and is not an earlier build is kept.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.txt"), "mine").unwrap();
    let err = site::build(&options(&shipped), dir.path()).unwrap_err();
    assert!(matches!(err, BuildError::NotABuild { .. }), "{err:?}");
    assert!(dir.path().join("mine.txt").exists());

    // A missing site folder is a file of the site that cannot be read, and says which.
    let mut no_site = options(&shipped);
    no_site.site = dir.path().join("no-such-site");
    let err = site::render(&no_site).unwrap_err();
    let BuildError::SiteFile { path, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(path.ends_with("site.toml"), "{path:?}");
}
