//! Links `target/<profile>/apython` to the binary, which `.cargo/config.toml` puts in
//! `target/<triple>/<profile>/` (it names the build's target explicitly: see there), so that
//! the usual path keeps working.

use std::path::Path;

/// Makes `<target dir>/<profile>/apython` a relative symbolic link to
/// `<target dir>/<triple>/<profile>/apython`, given this build script's `OUT_DIR`
/// (`<target dir>/<triple>/<profile>/build/<package>-<hash>/out`). Does nothing when `OUT_DIR`
/// does not have that shape (a build without an explicit target); only warns when the link
/// cannot be made. A file left at the link's path by an earlier build is replaced.
pub fn link(out_dir: &Path, triple: &str) {
    let Some(profile_dir) = out_dir.ancestors().nth(3) else {
        return;
    };
    let (Some(profile), Some(triple_dir)) = (profile_dir.file_name(), profile_dir.parent()) else {
        return;
    };
    if triple_dir.file_name() != Some(triple.as_ref()) {
        return;
    }
    let Some(target_dir) = triple_dir.parent() else {
        return;
    };
    let link = target_dir.join(profile).join("apython");
    let dest = Path::new("..").join(triple).join(profile).join("apython");
    if std::fs::read_link(&link).is_ok_and(|d| d == dest) {
        return;
    }
    let made = std::fs::create_dir_all(link.parent().unwrap_or(target_dir))
        .and_then(|()| match std::fs::remove_file(&link) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        })
        .and_then(|()| std::os::unix::fs::symlink(&dest, &link));
    if let Err(e) = made {
        println!("cargo::warning=could not link {}: {e}", link.display());
    }
}
