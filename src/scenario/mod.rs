//! Scenarios: the format, where they come from, and how they are checked.
//!
//! A scenario comes from one of three places: built into the binary (the files
//! in `scenarios/`), a user folder in the platform's data directory, or any path.

pub mod diagnostic;
pub mod error;
pub mod load;
pub mod outline;
pub mod skeleton;
mod spans;
pub mod suggest;
pub mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::engine::Scenario;
pub use diagnostic::{Diagnostic, Location, Severity};
pub use error::ScenarioError;
pub use load::{load_str, Checked, MAX_BYTES};
pub use spans::place;

/// The scenarios built into the binary: (name, RON text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../scenarios/default.ron")),
    ("tutorial", include_str!("../../scenarios/tutorial.ron")),
    ("scale_up", include_str!("../../scenarios/scale_up.ron")),
    (
        "puppet_rescue",
        include_str!("../../scenarios/puppet_rescue.ron"),
    ),
    ("turnaround", include_str!("../../scenarios/turnaround.ron")),
];

/// The scenario played when none is named.
pub const DEFAULT: &str = "default";

/// Environment variable that moves the data folder (for tests and portable installs).
pub const DATA_DIR_ENV: &str = "CTO_SIM_DATA_DIR";

impl Scenario {
    /// Parse and check a scenario from RON text; `origin` names it in errors.
    /// Warnings are dropped; use [`load_str`] to see them.
    pub fn from_ron(text: &str, origin: &str) -> Result<Scenario, ScenarioError> {
        load_str(text, origin)
            .map(|c| c.scenario)
            .map_err(ScenarioError::Invalid)
    }

    /// The built-in scenario called `name`.
    pub fn builtin(name: &str) -> Result<Scenario, ScenarioError> {
        match BUILTIN.iter().find(|(n, _)| *n == name) {
            Some((_, text)) => Scenario::from_ron(text, &format!("scenarios/{name}.ron")),
            None => Err(not_found(name)),
        }
    }
}

/// Where a scenario was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Built into the binary.
    Builtin,
    /// In the user's scenario folder.
    User(PathBuf),
    /// A path given on the command line.
    Path(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Builtin => write!(f, "built-in"),
            Source::User(p) | Source::Path(p) => write!(f, "{}", p.display()),
        }
    }
}

/// The folder for the game's own files: `$CTO_SIM_DATA_DIR` if set, else the
/// platform's data folder (`$XDG_DATA_HOME/cto-sim` or `~/.local/share/cto-sim` on
/// Linux, `~/Library/Application Support/cto-sim` on macOS, `%APPDATA%\cto-sim` on
/// Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let home = || {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(target_os = "windows") {
        std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("cto-sim"))
    } else if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library/Application Support/cto-sim"))
    } else {
        // The XDG spec: a relative XDG_DATA_HOME is invalid and ignored.
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|d| d.is_absolute())
            .or_else(|| home().map(|h| h.join(".local/share")))
            .map(|d| d.join("cto-sim"))
    }
}

/// The user's scenario folder (`<data dir>/scenarios`).
pub fn user_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("scenarios"))
}

/// Most files listed from the user folder.
const MAX_USER_FILES: usize = 200;

/// The `.ron` files in the user folder, sorted by name.
pub fn user_files() -> Vec<PathBuf> {
    let Some(dir) = user_dir() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .take(MAX_USER_FILES * 4)
        .collect();
    files.sort();
    files.truncate(MAX_USER_FILES);
    files
}

/// One line of `cto-sim scenarios`.
#[derive(Clone, Debug)]
pub struct Listing {
    /// How to name it on the command line: a built-in's name or the file
    /// name without `.ron`.
    pub name: String,
    /// The scenario's own `name` (the file name when it does not load).
    pub title: String,
    pub source: Source,
    /// The description, or what is wrong with the file.
    pub description: String,
    pub difficulty: Option<u8>,
    pub valid: bool,
}

/// Every scenario the player can pick: built-in ones, then the user's.
pub fn list() -> Vec<Listing> {
    list_with(&user_files())
}

/// The built-in scenarios, then the scenario files `user` (as from the user
/// folder), each loaded, with what is wrong with those that do not load.
pub fn list_with(user: &[PathBuf]) -> Vec<Listing> {
    let mut out: Vec<Listing> = BUILTIN
        .iter()
        .map(|(name, text)| {
            let sc = Scenario::from_ron(text, name);
            Listing {
                name: name.to_string(),
                title: sc
                    .as_ref()
                    .map_or_else(|_| name.to_string(), |s| s.name.clone()),
                source: Source::Builtin,
                description: sc
                    .as_ref()
                    .map_or_else(|e| e.to_string(), |s| s.description.clone()),
                difficulty: sc.as_ref().ok().map(|s| s.difficulty),
                valid: sc.is_ok(),
            }
        })
        .collect();
    for path in user {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let loaded =
            read_text(path).and_then(|t| Scenario::from_ron(&t, &path.display().to_string()));
        let shadowed = BUILTIN.iter().any(|(n, _)| *n == name);
        out.push(Listing {
            description: match (&loaded, shadowed) {
                (Err(e), _) => format!(
                    "(does not load: {})",
                    e.to_string().lines().next().unwrap_or("")
                ),
                (Ok(_), true) => "(has a built-in's name: load it by its path)".to_string(),
                (Ok(s), false) => s.description.clone(),
            },
            difficulty: loaded.as_ref().ok().map(|s| s.difficulty),
            valid: loaded.is_ok() && !shadowed,
            title: loaded
                .as_ref()
                .map_or_else(|_| name.clone(), |s| s.name.clone()),
            name,
            source: Source::User(path.clone()),
        });
    }
    out
}

fn not_found(name: &str) -> ScenarioError {
    let mut known: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
    for p in user_files() {
        if let Some(stem) = p.file_stem() {
            known.push(stem.to_string_lossy().into_owned());
        }
    }
    let suggestion = suggest::closest(name, known.iter().map(String::as_str)).map(str::to_string);
    ScenarioError::NotFound {
        name: name.to_string(),
        known,
        suggestion,
    }
}

/// Whether `arg` names a file rather than a scenario.
fn looks_like_path(arg: &str) -> bool {
    arg.contains('/') || arg.contains('\\') || arg.ends_with(".ron") || Path::new(arg).is_file()
}

/// Load and check the scenario file at `path` (any file name, UTF-8 or not).
pub fn load_path(path: &Path) -> Result<Checked, ScenarioError> {
    let text = read_text(path)?;
    load_str(&text, &path.display().to_string()).map_err(ScenarioError::Invalid)
}

/// The file a scenario argument names: the path itself, or the file of that
/// name in the user's scenario folder (`None` for a built-in or an unknown
/// name).
pub fn file_of(arg: &str) -> Option<PathBuf> {
    if looks_like_path(arg) {
        return Some(PathBuf::from(arg));
    }
    user_files()
        .into_iter()
        .find(|p| p.file_stem().is_some_and(|s| s == arg))
}

/// Find a scenario by built-in name, user-folder name or path, and check it.
pub fn resolve(arg: &str) -> Result<(Checked, Source), ScenarioError> {
    if looks_like_path(arg) {
        let path = PathBuf::from(arg);
        let text = read_text(&path)?;
        let checked = load_str(&text, arg).map_err(ScenarioError::Invalid)?;
        return Ok((checked, Source::Path(path)));
    }
    if let Some((name, text)) = BUILTIN.iter().find(|(n, _)| *n == arg) {
        let checked =
            load_str(text, &format!("scenarios/{name}.ron")).map_err(ScenarioError::Invalid)?;
        return Ok((checked, Source::Builtin));
    }
    if let Some(path) = user_files()
        .into_iter()
        .find(|p| p.file_stem().is_some_and(|s| s == arg))
    {
        let text = read_text(&path)?;
        let checked =
            load_str(&text, &path.display().to_string()).map_err(ScenarioError::Invalid)?;
        return Ok((checked, Source::User(path)));
    }
    Err(not_found(arg))
}

/// Find a scenario by built-in name, user-folder name or path, check it, and
/// keep only the scenario (warnings dropped).
pub fn find(arg: &str) -> Result<Scenario, ScenarioError> {
    resolve(arg).map(|(checked, _)| checked.scenario)
}

/// Read a scenario file as text, refusing anything over [`MAX_BYTES`] before
/// reading it, folders, and text that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, ScenarioError> {
    crate::files::read_limited_text(path, MAX_BYTES, "scenario file").map_err(|message| {
        ScenarioError::Io {
            origin: path.display().to_string(),
            message,
        }
    })
}
