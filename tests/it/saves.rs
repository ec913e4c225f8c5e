//! Saving a run: saving, loading and continuing equals playing on, and a
//! save killed at any moment leaves a file that loads.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use crate::common;
use crate::runs::{soak_example, temp_dir};
use cto_sim::engine::{Attention, Decision, Hiring, ReportingLine};
use cto_sim::run::{self, Recording};
use proptest::prelude::*;

fn arb_decision() -> impl Strategy<Value = Decision> {
    (
        35u8..=80,
        (0u8..=100, 0u8..=100, 0u8..=100),
        0u8..=40,
        0u32..30,
        0u32..5,
        0u32..=1,
        0u8..3,
    )
        .prop_map(|(hours, (a, b, c), refactor_pct, e, m, v, line)| {
            let mut cuts = [a, b, c];
            cuts.sort_unstable();
            Decision {
                hours,
                attention: Attention::new(
                    cuts[0],
                    cuts[1] - cuts[0],
                    cuts[2] - cuts[1],
                    100 - cuts[2],
                ),
                refactor_pct,
                hiring: Hiring {
                    engineers: e,
                    managers: m,
                    vps: v,
                },
                vp_lines: vec![match line {
                    0 => ReportingLine::Cto,
                    1 => ReportingLine::Ceo { forum: false },
                    _ => ReportingLine::Ceo { forum: true },
                }],
                answers: Vec::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn saving_loading_and_continuing_equals_playing_on(
        seed in any::<u64>(),
        decisions in proptest::collection::vec(arb_decision(), 2..80),
        cut in any::<prop::sample::Index>(),
    ) {
        let scenario = Arc::new(common::default_scenario());
        let fit = |mut d: Decision, rec: &Recording| {
            d.vp_lines.truncate(rec.game.state().people.vps.len());
            d
        };
        // Uninterrupted.
        let mut whole = Recording::start(Arc::clone(&scenario), seed);
        let mut hashes = Vec::new();
        for d in &decisions {
            if whole.game.is_over() { break; }
            let d = fit(d.clone(), &whole);
            hashes.push(whole.step(&d).unwrap());
        }
        // Saved at week k, loaded, continued.
        let k = cut.index(hashes.len()).max(1);
        let mut first = Recording::start(Arc::clone(&scenario), seed);
        for d in decisions.iter().take(k) {
            let d = fit(d.clone(), &first);
            first.step(&d).unwrap();
        }
        let dir = temp_dir("prop");
        let path = dir.join(format!("save-{seed}.ron"));
        run::save_atomic(&path, &first.record).unwrap();
        let loaded = run::load(&path).unwrap();
        let mut resumed = run::verify(&loaded, "save").unwrap().recording;
        let mut after = resumed.record.weeks.iter().map(|w| w.hash).collect::<Vec<_>>();
        for d in decisions.iter().skip(k) {
            if resumed.game.is_over() { break; }
            let d = fit(d.clone(), &resumed);
            after.push(resumed.step(&d).unwrap());
        }
        std::fs::remove_file(&path).ok();
        prop_assert_eq!(after, hashes);
    }
}

/// A save killed at any moment leaves the run's file whole: 200 kills of the
/// `autosave_soak` example at pseudo-random moments, each followed by a load
/// and a verify, and at most the week in flight lost.
#[test]
fn a_save_killed_at_any_moment_leaves_a_file_that_loads() {
    let soak = soak_example();
    let dir = temp_dir("soak");
    let path = dir.join("latest.ron");
    let mut moment = Moments(0x2545_F491_u64);
    let kills = 200;
    let mut loaded_after_kill = 0;
    // Kills after which the disk was ahead of what the process had reported.
    let mut lost_nothing = 0;
    for i in 0..kills {
        // Each kill is judged on what that process left: start from nothing.
        for leftover in std::fs::read_dir(&dir).unwrap() {
            std::fs::remove_file(leftover.unwrap().path()).unwrap();
        }
        let reported = kill_while_saving(&soak, &path, moment.next(i));
        lost_nothing += usize::from(what_the_kill_left(&dir, &path, reported, i));
        loaded_after_kill += 1;
    }
    std::fs::remove_dir_all(&dir).ok();
    // Every kill must have left something to load, or the test tests nothing.
    assert!(
        loaded_after_kill == kills,
        "only {loaded_after_kill} of {kills} kills left a save to load"
    );
    eprintln!(
        "{loaded_after_kill} of {kills} kills left a save that loaded and verified \
         ({lost_nothing} with the week in flight already on disk)"
    );
}

/// Pseudo-random moments to kill at (xorshift: the same every run).
struct Moments(u64);

impl Moments {
    /// The `i`th kill's wait after the first save: 1-25 ms, plus a longer
    /// wait now and then.
    fn next(&mut self, i: u32) -> std::time::Duration {
        let state = &mut self.0;
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let ms = 1 + *state % 25 + if i.is_multiple_of(20) { 150 } else { 0 };
        std::time::Duration::from_millis(ms)
    }
}

/// Start the soak example saving to `path`, kill it `wait` after its first
/// save is on disk (so every kill tests something), and return the last save
/// it reported, `saved SEED WEEKS`, as (seed, weeks).
fn kill_while_saving(soak: &Path, path: &Path, wait: std::time::Duration) -> Option<(u64, usize)> {
    let mut child = Command::new(soak)
        .arg(path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut last = None;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let mut parts = line.split(' ').skip(1).map(|x| x.parse::<u64>().unwrap());
            last = Some((parts.next().unwrap(), parts.next().unwrap() as usize));
        }
        last
    });
    let started = std::time::Instant::now();
    while !path.exists() && started.elapsed().as_secs() < 10 {
        std::thread::sleep(std::time::Duration::from_micros(200));
    }
    std::thread::sleep(wait);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap()
}

/// Check what kill `i` left: the run's own file is always there, complete
/// and verified (no fallback needed), at most the week in flight is lost,
/// and the next start cleans the temporaries. True when the week in flight
/// had already landed.
fn what_the_kill_left(dir: &Path, path: &Path, reported: Option<(u64, usize)>, i: u32) -> bool {
    let record = run::load(path).unwrap_or_else(|e| panic!("kill #{i}: the save: {e}"));
    run::verify(&record, "soak").unwrap_or_else(|e| panic!("kill #{i}: {e}"));
    let on_disk = (record.seed, record.weeks.len());
    let mut ahead = false;
    if let Some((seed, weeks)) = reported {
        // At most the week in flight is lost (and it may have landed).
        let allowed = [(seed, weeks), (seed, weeks + 1), (seed + 1, 1)];
        assert!(
            allowed.contains(&on_disk),
            "kill #{i}: reported {seed}/{weeks}, on disk {on_disk:?}"
        );
        ahead = on_disk != (seed, weeks);
    }
    run::clean_temporaries(dir);
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "kill #{i}: {leftovers:?}");
    ahead
}
