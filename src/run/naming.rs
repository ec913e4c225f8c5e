//! Naming a new run's file: the date and time it was first saved, the
//! scenario, the seed (`2026-11-28-093015-garage-to-growth-seed7.ron`), with
//! `-2`, `-3`… if two runs start in the same second, claimed atomically.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::error::RunError;
use super::lock::RunLock;
use super::record::RunRecord;
use super::store::write_new;

/// The file name a new run gets (without `.ron`): the date and time it was
/// first saved, the scenario, the seed, and for a fork the week it took over.
pub fn base_name(record: &RunRecord, now: SystemTime) -> String {
    let secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_date(secs / 86_400);
    let t = secs % 86_400;
    let fork = record
        .parent
        .as_ref()
        .map_or(String::new(), |p| format!("-fork-w{}", p.week));
    format!(
        "{y:04}-{m:02}-{d:02}-{:02}{:02}{:02}-{}-seed{}{fork}",
        t / 3600,
        t / 60 % 60,
        t % 60,
        slug(&record.scenario_name),
        record.seed
    )
}

/// Save `record` as a new run in `dir`, under a name no other run has: the
/// first free one of `base.ron`, `base-2.ron`, … (claimed atomically, so two
/// games starting in the same second get two files), held by this game from
/// before it exists. Returns the path and the lock.
pub fn save_new(
    dir: &Path,
    base: &str,
    record: &RunRecord,
) -> Result<(PathBuf, RunLock), RunError> {
    std::fs::create_dir_all(dir).map_err(|e| RunError::Io {
        origin: dir.display().to_string(),
        message: format!("cannot create the folder: {e}"),
    })?;
    for n in 1..=1000 {
        let name = if n == 1 {
            format!("{base}.ron")
        } else {
            format!("{base}-{n}.ron")
        };
        let path = dir.join(name);
        let lock = match RunLock::take(&path) {
            Ok(lock) => lock,
            Err(RunError::Locked { .. }) => continue,
            Err(e) => return Err(e),
        };
        if write_new(&path, record)? {
            return Ok((path, lock));
        }
    }
    Err(RunError::Io {
        origin: dir.join(format!("{base}.ron")).display().to_string(),
        message: "a thousand runs already have this name".into(),
    })
}

/// A name made of lowercase letters, digits and dashes (scenario names are
/// the author's text, file names must be safe).
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "run".into()
    } else {
        out
    }
}

/// When a run was first saved, as `2026-11-28 09:30`: read from its file
/// name where the game named it, else the file's modification time (UTC).
pub fn when(file: &str, modified: SystemTime) -> String {
    let b = file.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let named = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && b.get(10) == Some(&b'-')
        && digits(11..17);
    if named {
        return format!("{} {}:{}", &file[..10], &file[11..13], &file[13..15]);
    }
    let secs = modified
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_date(secs / 86_400);
    let t = secs % 86_400;
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", t / 3600, t / 60 % 60)
}

/// (year, month, day) of the day `days` after 1970-01-01 (proleptic
/// Gregorian; Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> (i64, u32, u32) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_the_calendar_s() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        // 2026-11-28
        assert_eq!(civil_date(20_785), (2026, 11, 28));
    }

    #[test]
    fn a_run_s_date_comes_from_its_name_or_else_its_file() {
        let t = UNIX_EPOCH + std::time::Duration::from_secs(20_785 * 86_400 + 9 * 3600 + 30 * 60);
        assert_eq!(
            when("2026-01-02-134501-garage-seed1.ron", t),
            "2026-01-02 13:45"
        );
        assert_eq!(when("balanced-1.ron", t), "2026-11-28 09:30");
        assert_eq!(when("2026-01-02-1x.ron", t), "2026-11-28 09:30");
        assert_eq!(when("é", t), "2026-11-28 09:30");
    }

    #[test]
    fn names_are_safe_whatever_the_scenario_is_called() {
        assert_eq!(slug("Garage to growth"), "garage-to-growth");
        assert_eq!(slug("Evil \u{1b}[2J/../../etc"), "evil-2j-etc");
        assert_eq!(slug("…"), "run");
    }
}
