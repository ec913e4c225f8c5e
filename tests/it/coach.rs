//! The coach (`a` on the week screen): it shows what the reference CTO
//! (`balanced`) would decide, with its reasons, and its key puts exactly that
//! in the draft; a coached run says so in its file and ranks apart.

use std::sync::{Arc, Once};

use cto_sim::engine::Scenario;
use cto_sim::scenario;
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::Screen;
use cto_sim::ui::session::Session;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;

static ISOLATE: Once = Once::new();

/// Keep the player's own scenario folder out of the tests.
fn isolate() {
    ISOLATE.call_once(|| {
        let empty = std::env::temp_dir().join(format!("cto-sim-coach-{}", std::process::id()));
        // Set once, before any test of this module reads it.
        unsafe { std::env::set_var(scenario::DATA_DIR_ENV, &empty) };
    });
}

fn press(app: &mut App, codes: &[KeyCode]) {
    for code in codes {
        app.on_key(KeyEvent {
            code: *code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
    }
}

fn builtin(name: &str) -> Arc<Scenario> {
    Arc::new(Scenario::builtin(name).unwrap())
}

fn text(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().to_string()
}

/// The run being played or just ended.
fn session(app: &App) -> &Session {
    app.screen.played().expect("a run is being played")
}

/// One week played the coach's way: an event that opens is answered by
/// the coach (`a`, then Enter), the week's draft too, then Enter ends the
/// week (`y` when events are left to the organisation).
fn coached_week(app: &mut App) {
    if app.context() == Context::Event {
        press(app, &[KeyCode::Char('a')]);
        assert_eq!(
            app.context(),
            Context::Coach,
            "a opens the coach over an event"
        );
        press(app, &[KeyCode::Enter]);
    }
    assert_eq!(app.context(), Context::Week);
    press(app, &[KeyCode::Char('a')]);
    assert_eq!(app.context(), Context::Coach);
    press(app, &[KeyCode::Enter, KeyCode::Enter]);
    if app.context() == Context::ConfirmEnd {
        press(app, &[KeyCode::Char('y')]);
    }
}

#[test]
fn pressing_a_then_enter_every_week_plays_balanced_exactly() {
    isolate();
    for name in ["default", "turnaround"] {
        let sc = builtin(name);
        for seed in 1..=3 {
            let mut bot = Vec::new();
            let result =
                cto_sim::sim::play_policy(&sc, "balanced", seed, None, |_, _, hash| bot.push(hash))
                    .unwrap();
            let mut app = App::new_game(Arc::clone(&sc), seed);
            while !matches!(app.screen, Screen::End(_)) {
                let before = session(&app).state().week;
                coached_week(&mut app);
                assert_eq!(session(&app).state().week, before + 1, "{name} {seed}");
            }
            let record = session(&app).record();
            let played: Vec<u64> = record.weeks.iter().map(|w| w.hash).collect();
            assert_eq!(
                played, bot,
                "{name}, seed {seed}: the same weeks as balanced"
            );
            assert_eq!(session(&app).state().ending, Some(result.ending));
            assert_eq!(record.coached_weeks(), bot.len(), "every week is coached");
        }
    }
}

/// A run of the default scenario, seed 1, played by the coach until a VP is
/// in post and an event waits, then with the draft moved away from the
/// advice: strategy down 20 points and four hours more.
fn a_coached_run_with_a_vp_an_event_and_a_changed_draft() -> App {
    let mut app = App::new_game(builtin("default"), 1);
    loop {
        let s = session(&app).state();
        if !s.people.vps.is_empty() && !s.pending.is_empty() {
            break;
        }
        coached_week(&mut app);
    }
    // The event waits in its dialog: leave it for now, change the draft.
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('H')]);
    press(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    press(&mut app, &[KeyCode::Char('l'), KeyCode::Char('l')]);
    press(&mut app, &[KeyCode::Char('l'), KeyCode::Char('l')]);
    app
}

#[test]
fn the_coach_at_three_sizes() {
    isolate();
    let mut app = a_coached_run_with_a_vp_an_event_and_a_changed_draft();
    press(&mut app, &[KeyCode::Char('a')]);
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        insta::assert_snapshot!(format!("coach_{w}x{h}"), text(&app, w, h));
    }
}

/// Every week of a `balanced` run, the coach has a reason for every control
/// (the four shares, hours, refactoring, the three targets, each VP's line
/// and each pending event), and its decision is the bot's.
#[test]
fn the_coach_gives_a_reason_for_every_control_every_week() {
    use cto_sim::engine::{Activity, Game};
    use cto_sim::policy::{advise, by_name, Control};
    let sc = builtin("default");
    let mut game = Game::new(Arc::clone(&sc), 4);
    let mut bot = by_name("balanced", 4).unwrap();
    let (mut vps, mut events) = (0, 0);
    while !game.is_over() {
        let s = game.state();
        let advice = advise(s, &sc);
        let mut wanted: Vec<Control> = Activity::ALL.map(Control::Attention).to_vec();
        wanted.extend([Control::Hours, Control::Refactor]);
        wanted.extend([Control::Engineers, Control::Managers, Control::Vps]);
        wanted.extend((0..s.people.vps.len()).map(Control::VpLine));
        wanted.extend((0..s.pending.len()).map(Control::Event));
        let given: Vec<Control> = advice.reasons.iter().map(|r| r.control).collect();
        assert_eq!(given, wanted, "week {}", s.week + 1);
        assert!(
            advice.reasons.iter().all(|r| r.why.len() > 20),
            "{:?}",
            advice.reasons
        );
        (vps, events) = (vps + s.people.vps.len(), events + s.pending.len());
        let decision = bot.decide(s, &sc);
        assert_eq!(advice.decision, decision, "week {}", s.week + 1);
        game.step(&decision).unwrap();
    }
    assert!(
        vps > 0 && events > 0,
        "the run had VPs and events to explain"
    );
}

/// A run file marks the weeks played with the coach's advice applied; the
/// mark survives a save, a reload and a fork, and `runs` and `scores` keep
/// coached runs apart from unassisted ones.
#[test]
fn a_coached_run_says_so_and_ranks_apart() {
    use cto_sim::run;
    let data = std::env::temp_dir().join(format!("cto-sim-coached-{}", std::process::id()));
    std::fs::remove_dir_all(&data).ok();
    let runs = data.join("runs");
    std::fs::create_dir_all(&runs).unwrap();
    let golden = std::path::Path::new("tests/runs/default-balanced-1.ron");
    std::fs::copy(golden, runs.join("alone.ron")).unwrap();
    let mut coached = run::load(golden).unwrap();
    coached.coached = (1..=coached.weeks.len() as u32).collect();
    run::save_atomic(&runs.join("helped.ron"), &coached).unwrap();
    let back = run::load(&runs.join("helped.ron")).unwrap();
    assert_eq!(back.coached_weeks(), back.weeks.len());
    run::verify(&back, "helped").expect("the mark is no part of the game");
    assert_eq!(run::fork(&back, 30).coached_weeks(), 30);
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .args(args)
            .env("CTO_SIM_DATA_DIR", &data)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let listed = cli(&["runs"]);
    let row = |file: &str| {
        listed
            .lines()
            .find(|l| l.starts_with(file))
            .unwrap()
            .to_string()
    };
    assert!(row("helped.ron").contains("coached"), "{listed}");
    assert!(!row("alone.ron").contains("coached"), "{listed}");
    let scores = cli(&["scores"]);
    let boards: Vec<&str> = scores.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(
        boards,
        ["Garage to growth", "Garage to growth · coached"],
        "{scores}"
    );
    let (alone, helped) = scores.split_once("· coached").unwrap();
    assert!(
        alone.contains("alone.ron") && !alone.contains("helped.ron"),
        "{scores}"
    );
    assert!(
        helped.contains("helped.ron") && !helped.contains("alone.ron"),
        "{scores}"
    );
    std::fs::remove_dir_all(&data).ok();
}
