//! Watching a saved run: seeking is exact in both directions, playback speed
//! and pause work, notable moments are found, a fork takes over as a new run,
//! and the report tells the story.

use std::process::Command;
use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::engine::{Decision, Game, ReportingLine};
use cto_sim::run;
use cto_sim::ui::keymap::Action;
use cto_sim::ui::screens::replay::{Marker, Replay};
use cto_sim::ui::screens::Screen;
use cto_sim::ui::App;

fn golden(name: &str) -> App {
    let record = run::load(std::path::Path::new(&format!("tests/runs/{name}.ron"))).unwrap();
    let v = run::verify(&record, name).unwrap();
    App::replay(v.recording)
}

/// The replay on screen.
fn replay(app: &App) -> &Replay {
    match &app.screen {
        Screen::Replay(replay) => replay,
        _ => panic!("a replay is on screen"),
    }
}

/// The hash after `week` weeks, played straight through.
fn straight(name: &str, week: u32) -> u64 {
    let record = run::load(std::path::Path::new(&format!("tests/runs/{name}.ron"))).unwrap();
    let sc = cto_sim::scenario::load_str(&record.scenario, "x")
        .unwrap()
        .scenario;
    let mut g = Game::new(Arc::new(sc), record.seed);
    for w in record.weeks.iter().take(week as usize) {
        g.step(&w.decision).unwrap();
    }
    g.hash()
}

#[test]
fn seeking_backward_and_forward_shows_exactly_the_recorded_week() {
    let mut app = golden("default-balanced-1");
    let len = replay(&app).len();
    let record = run::load(std::path::Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    assert_eq!(len as usize, record.weeks.len());
    assert!(len > 200, "a long run to seek in: {len} weeks");
    for week in [200, 3, 150, len, 26, 27, 0, 100, 99, 1] {
        app.seek(week);
        assert_eq!(replay(&app).week, week);
        assert_eq!(
            app.screen.shown().unwrap().game().hash(),
            straight("default-balanced-1", week),
            "week {week}"
        );
        assert_eq!(
            app.screen.shown().unwrap().history.len(),
            week as usize,
            "charts up to the week shown"
        );
    }
    app.act(Action::Last);
    assert_eq!(replay(&app).week, len);
    app.act(Action::BigLeft);
    assert_eq!(replay(&app).week, len - 13);
    app.act(Action::Left);
    assert_eq!(replay(&app).week, len - 14);
    app.act(Action::First);
    assert_eq!(replay(&app).week, 0);
}

#[test]
fn playback_advances_with_time_and_speed_and_stops_at_the_end() {
    let mut app = golden("tutorial-balanced-1");
    app.act(Action::PlayPause);
    assert!(app.wants_ticks());
    app.tick(1.0); // 1 s at 2× = 4 weeks
    assert_eq!(replay(&app).week, 4);
    app.act(Action::Faster);
    app.tick(0.5); // 0.5 s at 4× = 4 weeks
    assert_eq!(replay(&app).week, 8);
    app.act(Action::PlayPause);
    assert!(!app.wants_ticks(), "paused: no ticks, no CPU");
    app.tick(10.0);
    assert_eq!(replay(&app).week, 8);
    for _ in 0..10 {
        app.act(Action::Faster);
    }
    assert_eq!(replay(&app).speed_label(), "instant");
    app.act(Action::PlayPause);
    app.tick(0.01);
    let r = replay(&app);
    assert_eq!(r.week, r.len());
    assert!(!r.playing, "stops at the end");
    for _ in 0..20 {
        app.act(Action::Slower);
    }
    assert_eq!(replay(&app).speed_label(), "¼×");
}

#[test]
fn notable_moments_include_the_rounds_and_the_ending() {
    let mut app = golden("default-balanced-1");
    let r = replay(&app);
    let stages: Vec<u32> = r
        .markers
        .iter()
        .filter(|(_, m)| *m == Marker::Stage)
        .map(|(w, _)| *w)
        .collect();
    assert!(stages.len() >= 3, "Series A, B, C rounds: {stages:?}");
    assert_eq!(r.markers.last().map(|(_, m)| *m), Some(Marker::Ending));
    app.act(Action::NextMark);
    let first = replay(&app).week;
    assert!(first > 0);
    app.act(Action::NextMark);
    assert!(replay(&app).week > first);
    app.act(Action::PrevMark);
    assert_eq!(replay(&app).week, first);
    // Jump by typing a week.
    for a in [
        Action::Jump,
        Action::Digit(1),
        Action::Digit(2),
        Action::Digit(0),
        Action::Select,
    ] {
        app.act(a);
    }
    assert_eq!(replay(&app).week_shown(), 120);
}

#[test]
fn a_fork_takes_over_as_a_new_run_that_names_its_parent() {
    let mut app = golden("default-delegator-2");
    let original = std::fs::read("tests/runs/default-delegator-2.ron").unwrap();
    let record = replay(&app).record.clone();
    // Take over just before the delegator hands the VP to the CEO.
    let handover = record
        .weeks
        .iter()
        .position(|w| w.decision.vp_lines.iter().any(|l| *l != ReportingLine::Cto))
        .expect("the delegator hands the VP over");
    let fork_at = handover as u32;
    assert!(fork_at > 0);
    app.seek(fork_at);
    app.act(Action::Fork);
    let Screen::Week(week) = &app.screen else {
        panic!("the fork is played on the week screen");
    };
    let rec = week.session.record();
    assert_eq!(rec.weeks.len(), handover);
    assert_eq!(rec.parent.as_ref().unwrap().week, fork_at);
    assert_eq!(app.state().unwrap().week, fork_at);
    assert_eq!(app.state().unwrap().people.vps.len(), 1, "the VP is there");
    // The player now decides differently: the VP keeps reporting to the CTO;
    // everything else as the original run decided.
    let weeks = 20;
    for recorded in &record.weeks[handover..handover + weeks] {
        let Screen::Week(play) = &mut app.screen else {
            panic!("the fork is played on the week screen");
        };
        play.draft = Decision {
            vp_lines: vec![ReportingLine::Cto],
            answers: Vec::new(),
            ..recorded.decision.clone()
        };
        app.end_week();
        app.close_dialogs();
    }
    let week = fork_at + weeks as u32;
    let s = app.state().unwrap();
    assert_eq!(s.week, week);
    assert_eq!(s.people.vps[0].line, ReportingLine::Cto);
    let fork_authority = s.power.legitimate;
    let original_authority = record.weeks[week as usize - 1].headline.authority;
    assert!(
        fork_authority > original_authority + 0.2,
        "keeping the VP keeps authority: fork {fork_authority:.2}, original {original_authority:.2}"
    );
    // The fork is compared with the original, week for week, on screen.
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let shown = term.backend().to_string();
    assert!(shown.contains("Fork vs original, same week"), "{shown}");
    let both = format!(
        "authority {:.0} / {:.0}",
        fork_authority * 100.0,
        original_authority * 100.0
    );
    assert!(shown.contains(&both), "{both} in {shown}");
    assert_eq!(
        std::fs::read("tests/runs/default-delegator-2.ron").unwrap(),
        original
    );
}

#[test]
fn the_report_tells_the_story_in_markdown() {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["report", "tests/runs/default-delegator-2.ron"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let sc = Scenario::builtin("default").unwrap();
    assert!(md.starts_with(&format!("# {} — seed 2", sc.name)), "{md}");
    assert!(
        md.contains("You kept the title; the organisation stopped following you."),
        "{md}"
    );
    for section in [
        "## Year by year",
        "## Where influence moved most",
        "## Attention by stage",
        "## Next time",
    ] {
        assert!(md.contains(section), "missing {section}");
    }
    assert!(
        md.contains("shared-responsibility forum"),
        "a puppet's tip: {md}"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["report", "Cargo.toml"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
}

/// Jumping to a notable moment says why it is notable.
#[test]
fn a_notable_moment_says_why() {
    let mut app = golden("default-balanced-1");
    app.act(Action::NextMark);
    let status = app.status.clone().unwrap();
    let week = replay(&app).week;
    assert!(
        status.starts_with(&format!("Week {week} played: ")),
        "{status}"
    );
    assert!(
        ["round closed", "influence moved", "Event:", "the end"]
            .iter()
            .any(|r| status.contains(r)),
        "{status}"
    );
    app.act(Action::Last);
    app.act(Action::PrevMark);
    app.act(Action::NextMark);
    assert!(app.status.clone().unwrap().contains("the end of the run"));
}

/// The retrospective teaches with "what if": replayed with the player's own
/// decisions and one change, the report names the changes that would have
/// mattered most — the reporting line (or time with the organisation) for a
/// delegator who ended a puppet, hiring for a CTO who never hired — with their
/// measured results.
#[test]
fn the_report_says_what_would_have_changed_the_ending() {
    let dir = std::env::temp_dir().join(format!("cto-sim-whatif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (policy, seed) in [("delegator", "2"), ("passive", "1")] {
        let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .args(["simulate", "--policy", policy, "--seed", seed, "--record"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let report = |file: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .arg("report")
            .arg(dir.join(file))
            .output()
            .unwrap();
        assert!(out.status.success());
        let md = String::from_utf8(out.stdout).unwrap();
        let section = md
            .split("## What if")
            .nth(1)
            .expect("a What if section")
            .to_string();
        section.split("\n## ").next().unwrap().to_string()
    };
    // A puppet is undone by keeping the line, or by meeting the organisation
    // the VP runs (management time: skip-levels); every change the report
    // lists avoids the puppet ending.
    let delegator = report("delegator-2.ron");
    let changes: Vec<&str> = delegator.lines().filter(|l| l.starts_with("- ")).collect();
    assert!(
        changes
            .iter()
            .any(|l| l.contains("kept the VP reporting to you")),
        "{delegator}"
    );
    for line in &changes {
        assert!(line.contains("(you: puppet"), "{line}");
        let instead = line.split("(you:").next().unwrap();
        assert!(
            !instead.contains("puppet"),
            "a better ending than puppet: {line}"
        );
    }
    let passive = report("passive-1.ron");
    let best = passive.lines().find(|l| l.starts_with("- ")).unwrap();
    assert!(best.contains("hired"), "{passive}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A raise is on the screen in every week of it: the replayed week screen's
/// header says "Raising" exactly while the CEO raises, at every size.
#[test]
fn every_week_of_a_raise_says_so_in_the_header() {
    let mut app = golden("default-balanced-1");
    let len = replay(&app).len();
    let mut raising_weeks = 0;
    for week in 1..=len {
        app.seek(week);
        let s = app.state().unwrap().clone();
        let raising = s.raise.weeks_left > 0 && s.ending.is_none();
        raising_weeks += u32::from(raising);
        for (w, h) in [(80, 24), (120, 40)] {
            let mut term =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
            let screen = term.backend().to_string();
            let header: String = screen.lines().take(4).collect::<Vec<_>>().join("\n");
            assert_eq!(
                header.contains("Raising"),
                raising,
                "week {week} at {w}x{h}:\n{header}"
            );
        }
    }
    assert!(
        raising_weeks > 40,
        "four rounds raised: {raising_weeks} weeks"
    );
}

/// The screen of the replay as a player sees it.
fn screen(app: &App) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().to_string()
}

/// `g 30` Enter shows week 30: the header reads "Week 30", the timeline and
/// the status line agree, and the attention shown is the split decided that
/// week.
#[test]
fn going_to_week_30_shows_week_30_and_its_decision() {
    let mut app = golden("default-balanced-1");
    for key in [
        Action::Jump,
        Action::Digit(3),
        Action::Digit(0),
        Action::Select,
    ] {
        app.act(key);
    }
    let shown = screen(&app);
    assert!(shown.contains("Week 30 of 286"), "{shown}");
    let weeks = replay(&app).record.weeks.len();
    assert!(shown.contains(&format!(" w30/{weeks} ")), "{shown}");
    assert!(app
        .status
        .clone()
        .unwrap()
        .contains(&format!("week 30 of {weeks}")));
    let record = &replay(&app).record;
    assert_eq!(replay(&app).shown.draft, record.weeks[29].decision);
}

/// The last week of a replay shows the run's last decision (not the split
/// the game started with) under a header that names the last week.
#[test]
fn a_replays_last_week_shows_the_last_decision() {
    let mut app = golden("default-balanced-1");
    app.act(Action::Last);
    let record = replay(&app).record.clone();
    let last = record.weeks.last().unwrap();
    assert_eq!(replay(&app).shown.draft, last.decision);
    let a = &last.decision.attention;
    let first = &record.weeks[0].decision.attention;
    assert_ne!(a, first, "the run changed its split: a test that can fail");
    let shown = screen(&app);
    let weeks = record.weeks.len();
    assert!(shown.contains(&format!("Week {weeks} of 286")), "{shown}");
    assert!(shown.contains(&format!(" w{weeks}/{weeks} ")), "{shown}");
}

/// Where influence moved because of an event, the report names the event
/// and the choice taken, not just "(event)".
#[test]
fn the_report_names_the_event_and_the_choice_behind_a_move() {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["report", "tests/runs/turnaround-balanced-5.ron"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let moved: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("## Where influence moved most"))
        .take_while(|l| !l.starts_with("## Attention"))
        .collect();
    assert!(!md.contains("(event)"), "{moved:#?}");
    let sc = Scenario::builtin("turnaround").unwrap();
    let named = moved
        .iter()
        .find(|l| l.contains("(event \""))
        .unwrap_or_else(|| panic!("no event named: {moved:#?}"));
    assert!(
        sc.events
            .iter()
            .any(|e| named.contains(&format!("\"{}\"", e.title))
                && e.choices
                    .iter()
                    .any(|c| named.contains(&format!(": \"{}\")", c.label)))),
        "{named}"
    );
}
