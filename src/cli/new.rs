//! `cto-sim new NAME`: write a commented skeleton scenario into the scenario
//! folder, never over an existing file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::CliError;
use crate::scenario::{self, skeleton};

pub(super) fn new(name: &str, out: &mut dyn Write) -> Result<(), CliError> {
    if let Some(why) = skeleton::refuse_name(name) {
        return Err(CliError::Usage(why));
    }
    let Some(dir) = scenario::user_dir() else {
        return Err(CliError::Usage(format!(
            "no data folder found for your scenarios: set {} to choose one",
            scenario::DATA_DIR_ENV
        )));
    };
    let path = dir.join(format!("{name}.ron"));
    write_new(&path, &skeleton::skeleton(name))
        .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
    writeln!(
        out,
        "Wrote {}\nNext: edit it, then `cto-sim check {name}`; `cto-sim play {name}` plays it.",
        path.display()
    )?;
    Ok(())
}

/// Write `text` to `path` whole or not at all, and never over an existing
/// file: the text goes to a temporary file in the same folder, which is then
/// linked to `path` (a link fails when `path` exists).
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if path.exists() {
        return Err(
            "a file of that name exists; it is left as it was\n    hint: pick another name, or edit that file".into(),
        );
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create the folder: {e}"))?;
    let temp = temporary(path);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::hard_link(&temp, path)
    })();
    std::fs::remove_file(&temp).ok();
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            "a file of that name exists; it is left as it was".to_string()
        }
        _ => format!("cannot write the scenario: {e}"),
    })
}

fn temporary(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}
