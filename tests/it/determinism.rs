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
fn the_same_seed_and_decisions_give_the_same_weekly_hashes() {
    for name in policy::names() {
        let a = weekly_hashes(name, 11);
        let b = weekly_hashes(name, 11);
        assert_eq!(a, b, "{name} diverged between two runs in one process");
        assert!(a.len() > 10, "{name} played only {} weeks", a.len());
    }
}

#[test]
fn a_different_seed_gives_a_different_run() {
    assert_ne!(weekly_hashes("random", 1), weekly_hashes("random", 2));
    assert_ne!(weekly_hashes("balanced", 1), weekly_hashes("balanced", 2));
}

#[test]
fn a_cloned_game_steps_in_lockstep() {
    // A game and its clone step in lockstep; the hash after each step agrees.
    let scenario = Arc::new(common::default_scenario());
    let mut bot = policy::by_name("balanced", 5).unwrap();
    let mut a = Game::new(Arc::clone(&scenario), 5);
    for _ in 0..30 {
        let d = bot.decide(a.state(), &scenario);
        a.step(&d).unwrap();
    }
    let mut b = a.clone();
    for _ in 0..30 {
        let d = bot.decide(a.state(), &scenario);
        assert_eq!(a.step(&d).unwrap(), b.step(&d).unwrap());
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

/// Another process (the built binary) plays the same run: every weekly hash it
/// records, and its batch digest, are the ones this process computes.
#[test]
fn the_hashes_are_the_same_in_another_process() {
    let dir = std::env::temp_dir().join(format!("cto-sim-det-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["simulate", "--policy", "random", "--seed", "5", "--record"])
        .arg(&dir)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record = cto_sim::run::load(&dir.join("random-5.ron")).unwrap();
    let theirs: Vec<u64> = record.weeks.iter().map(|w| w.hash).collect();
    let ours = weekly_hashes("random", 5);
    assert!(theirs.len() > 10, "{} weeks", theirs.len());
    assert_eq!(theirs, ours[1..], "weekly hashes differ between processes");
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
