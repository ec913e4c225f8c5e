//! Same scenario, seed and decisions: same bits, in one process and across processes.

use crate::common;

use std::process::Command;
use std::sync::Arc;

use cto_sim::engine::Game;
use cto_sim::policy;

fn weekly_hashes(policy_name: &str, seed: u64) -> Vec<u64> {
    let scenario = Arc::new(common::default_scenario());
    let mut bot = policy::by_name(policy_name, seed).unwrap();
    let mut game = Game::new(Arc::clone(&scenario), seed);
    let mut hashes = vec![game.hash()];
    while !game.is_over() {
        let d = bot.decide(game.state(), &scenario);
        hashes.push(game.step(&d).unwrap());
    }
    hashes
}

#[test]
fn a_different_seed_gives_a_different_run() {
    assert_ne!(weekly_hashes("random", 1), weekly_hashes("random", 2));
    assert_ne!(weekly_hashes("balanced", 1), weekly_hashes("balanced", 2));
}

/// Loading a run file is re-simulating it: a new game given the seed and the
/// recorded decisions reaches the same state every week, field by field, not
/// only its hash. (A clone could not show it: it copies whatever a game holds
/// beyond its inputs, a `HashMap`'s random order included.)
#[test]
fn a_game_rebuilt_from_its_decisions_is_the_game_that_was_played() {
    let scenario = Arc::new(common::default_scenario());
    let mut bot = policy::by_name("random", 5).unwrap();
    let mut played = Game::new(Arc::clone(&scenario), 5);
    let mut weeks = Vec::new();
    while !played.is_over() {
        let d = bot.decide(played.state(), &scenario);
        played.step(&d).unwrap();
        weeks.push((d, played.state().clone()));
    }
    assert!(weeks.len() > 10, "{} weeks", weeks.len());
    let mut rebuilt = Game::new(Arc::clone(&scenario), 5);
    for (d, state) in &weeks {
        rebuilt.step(d).unwrap();
        assert_eq!(rebuilt.state(), state, "week {}", state.week);
    }
}

fn simulate_json(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["simulate", "--json"])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.trim().lines().count(),
        1,
        "exactly one JSON line: {text}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v.as_object_mut().unwrap().remove("elapsed_ms");
    v
}

/// Another process (the built binary) plays every bot with the same seed:
/// every weekly hash it records, and its batch digest, are the ones this
/// process computes. What one process cannot see would show here: a table
/// hashed once per process, an address, a clock.
#[test]
fn every_bot_plays_the_same_weeks_in_another_process() {
    let dir = std::env::temp_dir().join(format!("cto-sim-det-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in policy::names() {
        let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .args(["simulate", "--policy", name, "--seed", "11", "--record"])
            .arg(&dir)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let record = cto_sim::run::load(&dir.join(format!("{name}-11.ron"))).unwrap();
        let theirs: Vec<u64> = record.weeks.iter().map(|w| w.hash).collect();
        let ours = weekly_hashes(name, 11);
        assert!(theirs.len() > 10, "{name}: {} weeks", theirs.len());
        assert_eq!(
            theirs,
            ours[1..],
            "{name}'s weekly hashes differ between processes"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);

    let json = simulate_json(&["--policy", "balanced", "--runs", "5", "--seed", "3"]);
    let scenario = Arc::new(common::default_scenario());
    let batch = cto_sim::sim::batch(&scenario, "balanced", 5, 3).unwrap();
    assert_eq!(json["digest"], serde_json::Value::from(batch.digest));
}

#[test]
fn the_digest_tells_two_different_batches_apart() {
    let a = simulate_json(&["--policy", "balanced", "--runs", "3", "--seed", "1"]);
    let b = simulate_json(&["--policy", "balanced", "--runs", "3", "--seed", "2"]);
    assert_ne!(a["digest"], b["digest"]);
}

#[test]
fn simulate_json_is_identical_across_processes_apart_from_the_time() {
    let args = ["--policy", "random", "--runs", "25", "--seed", "9"];
    let a = simulate_json(&args);
    let b = simulate_json(&args);
    assert_eq!(a, b);
    for key in [
        "scenario",
        "policy",
        "runs",
        "seed",
        "weeks_simulated",
        "endings",
        "mean",
    ] {
        assert!(a.get(key).is_some(), "missing key {key}");
    }
    for key in [
        "score",
        "influence",
        "authority",
        "arr",
        "headcount",
        "weeks",
    ] {
        assert!(a["mean"].get(key).is_some(), "missing mean.{key}");
    }
}
