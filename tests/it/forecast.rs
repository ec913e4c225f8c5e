//! The forecast in the header: where this week's plan leads, from the model,
//! without reading the run's own luck.

use std::sync::Arc;

use cto_sim::engine::{Decision, Ending, Game, Scenario};
use cto_sim::forecast::{forecast, Forecast};
use cto_sim::policy;

/// `policy` on `scenario` with `seed`, stopped after `weeks` weeks, and the
/// decision it would play next.
fn bot_game(scenario: &str, policy: &str, seed: u64, weeks: u32) -> (Game, Decision) {
    let sc = Arc::new(Scenario::builtin(scenario).unwrap());
    let mut bot = policy::by_name(policy, seed).unwrap();
    let mut game = Game::new(Arc::clone(&sc), seed);
    for _ in 0..weeks {
        let d = bot.decide(game.state(), &sc);
        game.step(&d).unwrap();
    }
    let d = bot.decide(game.state(), &sc);
    (game, d)
}

fn show(f: &Forecast) -> String {
    format!("{f:?}")
}

#[test]
fn a_passive_run_is_told_at_week_60_that_its_plan_falls_short_of_the_goal() {
    for seed in [1, 22, 23] {
        let (game, plan) = bot_game("default", "passive", seed, 60);
        let f = forecast(&game, &plan);
        assert!(f.high < f.goal.target, "seed {seed}: {}", show(&f));
        assert!(!f.reaches_goal(), "seed {seed}: {}", show(&f));
    }
}

#[test]
fn from_week_150_of_a_balanced_run_that_wins_the_plan_reaches_the_goal() {
    // Seeds whose balanced run goes public, and whose plan at week 150 is
    // the steady one after Series B's hiring (a plan in the middle of hiring,
    // with a fifth of the week on recruiting and one manager, misses when
    // held for the rest of the run, as it should).
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    for seed in [6, 15] {
        let run = cto_sim::sim::play(&sc, "balanced", seed, |_| {}).unwrap();
        assert_eq!(run.ending, Ending::Ipo, "seed {seed}");
        let (game, plan) = bot_game("default", "balanced", seed, 150);
        let f = forecast(&game, &plan);
        assert!(f.reaches_goal(), "seed {seed}: {}", show(&f));
        assert!(f.high >= f.goal.target, "seed {seed}: {}", show(&f));
        assert!(
            f.win_week.is_some_and(|w| w <= 286),
            "seed {seed}: {}",
            show(&f)
        );
    }
}

#[test]
fn two_runs_that_look_the_same_get_the_same_forecast_whatever_their_luck() {
    let (game, plan) = bot_game("default", "balanced", 22, 40);
    // The same company on screen, with other random streams behind it.
    let other = game.reseeded(987_654_321);
    assert_eq!(game.state(), other.state());
    assert_ne!(game.hash(), other.hash(), "the streams differ");
    assert_eq!(forecast(&game, &plan), forecast(&other, &plan));
}

mod on_screen {
    use std::sync::Arc;

    use cto_sim::engine::Scenario;
    use cto_sim::ui::app::App;
    use cto_sim::ui::forecast::Done;
    use cto_sim::ui::keymap::Context;
    use cto_sim::ui::screens::Screen;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    use ratatui::Terminal;

    fn press(app: &mut App, code: KeyCode) {
        app.on_key(KeyEvent::from(code));
    }

    /// Press Enter for `weeks` weeks, leaving events to the organisation.
    fn play_weeks(app: &mut App, weeks: u32) {
        let target = app.state().unwrap().week + weeks;
        while app.state().unwrap().week < target {
            press(app, KeyCode::Enter);
            match app.context() {
                Context::ConfirmEnd => press(app, KeyCode::Char('y')),
                Context::Event => press(app, KeyCode::Esc),
                _ => {}
            }
        }
    }

    /// What the worker would send for the screen as it is now.
    fn worked_out(app: &App) -> Done {
        let (game, plan) = app.forecast_wanted().expect("the week screen wants one");
        Done {
            key: game.hash(),
            plan: plan.clone(),
            forecast: cto_sim::forecast::forecast(game, plan),
        }
    }

    fn text(app: &App, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| f.render_widget(app, f.area())).unwrap();
        term.backend().to_string()
    }

    fn header(app: &App, w: u16) -> String {
        text(app, w, 40)
            .lines()
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn game() -> App {
        let sc = Arc::new(Scenario::builtin("default").unwrap());
        App::new_game(sc, 22)
    }

    #[test]
    fn the_header_says_where_the_plan_leads_once_the_forecast_is_in() {
        let mut app = game();
        play_weeks(&mut app, 59);
        assert!(!header(&app, 120).contains("plan"), "not before it is in");
        let done = worked_out(&app);
        app.on_forecast(done);
        let wide = header(&app, 160);
        assert!(wide.contains("On this plan: ARR $"), "{wide}");
        assert!(wide.contains("by week 286 (goal $85.0M)"), "{wide}");
        // Shorter where the line is short; the next round gives way at 80.
        let medium = header(&app, 120);
        assert!(
            medium.contains("next round $2.0M (burn ≤3.5×) · plan: $"),
            "{medium}"
        );
        let narrow = header(&app, 80);
        assert!(narrow.contains("Goal: IPO at $85.0M ARR"), "{narrow}");
        assert!(narrow.contains("· plan: $"), "{narrow}");
        assert!(narrow.contains("by wk 286"), "{narrow}");
    }

    /// While a round is raised the header keeps the plan, and the raise's
    /// line keeps one form at a given width, with the forecast in or not: the
    /// short one at 120 columns, the long one (which says the round closes
    /// in its week whatever ARR does) at 200.
    #[test]
    fn the_plan_stays_in_the_header_while_a_round_is_raised() {
        let mut app = game();
        let sc = Arc::new(Scenario::builtin("default").unwrap());
        while cto_sim::engine::funding::raising(app.state().unwrap(), &sc).is_none() {
            assert!(app.state().unwrap().week < 300, "no raise in the run");
            play_weeks(&mut app, 1);
        }
        play_weeks(&mut app, 1);
        let raise_part = |header: &str| {
            let row = header.lines().find(|l| l.contains("Raising ")).unwrap();
            let row = row.split(" · Goal").next().unwrap();
            let row = row.trim_matches('"').split(" · plan").next().unwrap();
            row.trim_end().to_string()
        };
        let medium_before = raise_part(&header(&app, 120));
        let wide_before = raise_part(&header(&app, 200));
        let done = worked_out(&app);
        app.on_forecast(done);
        let medium = header(&app, 120);
        assert!(medium.contains(&medium_before), "{medium_before}\n{medium}");
        assert!(medium.contains(" · wk "), "{medium}");
        assert!(medium.contains("Raising "), "{medium}");
        assert!(medium.contains(" · plan: "), "{medium}");
        let wide = header(&app, 200);
        assert!(wide.contains(&wide_before), "{wide_before}\n{wide}");
        assert!(wide.contains("closes then whatever ARR does"), "{wide}");
        assert!(wide.contains("investors want ARR"), "{wide}");
        assert!(wide.contains(" · On this plan: "), "{wide}");
    }

    #[test]
    fn a_forecast_made_for_another_week_is_never_shown() {
        let mut app = game();
        play_weeks(&mut app, 10);
        let done = worked_out(&app);
        play_weeks(&mut app, 1);
        app.on_forecast(done);
        let Screen::Week(week) = &app.screen else {
            panic!("the week screen")
        };
        assert!(week.forecast().is_none());
        assert!(!header(&app, 120).contains("plan"));
    }

    #[test]
    fn a_plan_that_misses_with_money_in_the_bank_is_told_what_the_cash_could_pay_for() {
        let mut app = game();
        // Pressing Enter every week: the first draft, nobody hired, the
        // Series A money idle.
        let mut told = None;
        for _ in 0..200 {
            play_weeks(&mut app, 5);
            let done = worked_out(&app);
            app.on_forecast(done);
            let screen = text(&app, 120, 40);
            if let Some(line) = screen.lines().find(|l| l.contains("Cash pays")) {
                told = Some((app.state().unwrap().week, line.to_string()));
                break;
            }
        }
        let (week, line) = told.expect("the cash line appears");
        assert!(week < 150, "told at week {week}");
        eprintln!("told at week {week}: {line}");
        assert!(line.contains("more engineers for 18 mo"), "{line}");
    }
}
