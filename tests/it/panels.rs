//! What the week screen's panels say: the goal line, the why lines, the
//! warnings, the org chart, long events, and the end and help screens
//! scrolling at 80x24.

use std::sync::Arc;

use cto_sim::engine::ReportingLine;
use cto_sim::scenario;
use cto_sim::ui::app::App;
use ratatui::crossterm::event::KeyCode;

use crate::ui::*;

/// The week screen says what wins: a scenario's own win conditions with the
/// run's progress, or the IPO rule and the next funding bar; the picker says
/// how a run ends.
#[test]
fn the_goal_is_on_screen() {
    let turnaround = text(&App::new_game(builtin("turnaround"), 1), 120, 40);
    let goal = turnaround.lines().find(|l| l.contains("Goal:")).unwrap();
    assert!(
        goal.contains("debt tax") && goal.contains("(≤ 30%)"),
        "{goal}"
    );
    assert!(goal.contains("ARR") && goal.contains("of $10.0M"), "{goal}");
    let default = text(&App::new_game(builtin("default"), 1), 80, 24);
    assert!(
        default.contains("Goal: IPO at $85.0M ARR, Series C+ · now $150k · next round $2.0M"),
        "{default}"
    );
    let mut picker = App::title();
    press(&mut picker, &[KeyCode::Enter]);
    let shown = text(&picker, 120, 40);
    assert!(
        shown.contains("Win: an IPO at $85.0M ARR from Series C"),
        "{shown}"
    );
    assert!(shown.contains("Lose: running out of cash"), "{shown}");
}

/// The Why panel's influence lines add up to the change it heads with, every
/// week of a golden run (credits, which are not influence, have their own
/// section); and what it shows is the true change of influence.
#[test]
fn the_why_lines_add_up_to_the_headline_every_week() {
    use cto_sim::ui::screens::week::why::why_lines;
    let record =
        cto_sim::run::load(std::path::Path::new("tests/runs/default-delegator-2.ron")).unwrap();
    let v = cto_sim::run::verify(&record, "golden").unwrap();
    let scenario = Arc::new(v.recording.game.scenario().clone());
    let mut game = cto_sim::engine::Game::new(scenario, record.seed);
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let mut credit_weeks = 0;
    for w in &record.weeks {
        let before = game.state().metrics.influence;
        game.step(&w.decision).unwrap();
        let s = game.state();
        let change = (s.metrics.influence - before) * 100.0;
        let (influence, credits) = why_lines(s);
        assert!(influence.len() <= cto_sim::ui::screens::week::why::WHY_LINES);
        let sum: f64 = influence.iter().map(|l| l.amount).sum();
        assert!(
            (sum - change).abs() < 1e-9,
            "week {}: {sum} vs {change}",
            s.week
        );
        let shown: f64 = influence.iter().map(|l| round(l.amount)).sum();
        let slack = 0.05 * (influence.len() as f64 + 1.0) + 1e-9;
        assert!(
            (shown - round(change)).abs() <= slack,
            "week {}: lines show {shown:.1}, the headline {:.1}",
            s.week,
            round(change)
        );
        assert!(influence.iter().all(|l| l.what != "credits"));
        credit_weeks += usize::from(!credits.is_empty());
    }
    assert!(credit_weeks > 0, "credits moved in some week");
}

/// When an ending has started to come true, the week screen says which, when,
/// why and what helps, at every size.
#[test]
fn a_warning_line_names_the_ending_on_its_way() {
    let sc = builtin("default");
    let mut app = App::new_game(Arc::clone(&sc), 2);
    let mut bot = cto_sim::policy::by_name("delegator", 2).unwrap();
    loop {
        let d = bot.decide(app.state().unwrap(), &sc);
        pm(&mut app).draft = d;
        app.end_week();
        app.close_dialogs();
        if app.state().unwrap().tracking.puppet_streak > 0 {
            break;
        }
        assert!(!at_end(&app), "the puppet signature never formed");
    }
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let shown = text(&app, w, h);
        assert!(shown.contains("Puppet in "), "{w}x{h}:\n{shown}");
    }
    assert!(text(&app, 80, 24).contains("take them back or tend a forum."));
}

/// A 2,000-character event text with wide characters and emoji: at every size
/// the choices and the keys stay in view, the dialog's right border is whole,
/// and PgDn scrolls the text.
#[test]
fn a_long_event_keeps_its_choices_and_its_border() {
    let mut app = App::new_game(long_event_scenario(), 1);
    press(&mut app, &[KeyCode::Enter]);
    for (w, h) in [(80, 24), (120, 40), (250, 80)] {
        let term = render(&app, w, h);
        let buf = term.backend().buffer();
        let shown = text(&app, w, h);
        assert!(
            shown.contains("1. Got it: strategy first"),
            "{w}x{h}:\n{shown}"
        );
        assert!(shown.contains("Enter choose"), "{w}x{h}");
        // The dialog's top-right corner, then its right border down to the bottom.
        let (cx, cy) = (1..h)
            .find_map(|y| {
                (0..w)
                    .rev()
                    .find(|&x| buf[(x, y)].symbol() == "┐")
                    .map(|x| (x, y))
            })
            .unwrap();
        let mut y = cy + 1;
        while buf[(cx, y)].symbol() != "┘" {
            assert_eq!(
                buf[(cx, y)].symbol(),
                "│",
                "{w}x{h}: border broken at row {y}"
            );
            y += 1;
        }
    }
    // The terminal is 80×24 from here on: paging stops where that one ends.
    app.on_resize(80, 24);
    assert!(text(&app, 80, 24).contains("text 1–"));
    press(&mut app, &[KeyCode::PageDown]);
    assert!(text(&app, 80, 24).contains("text 6–"));
    press(&mut app, &[KeyCode::PageUp, KeyCode::PageUp]);
    assert!(text(&app, 80, 24).contains("text 1–"));
    // Paging stops at the last line: after paging down too often, the first
    // PgUp moves the text at once.
    for _ in 0..10 {
        press(&mut app, &[KeyCode::PageDown]);
    }
    let bottom = text(&app, 80, 24);
    press(&mut app, &[KeyCode::PageUp]);
    assert_ne!(text(&app, 80, 24), bottom);
}

/// The Why panel's drivers show the whole company and the revenue each person
/// carries, and say so when the company is too small to serve its customers
/// (past `business.arr_per_person`, customers leave): a player who never
/// hires sees the warning once revenue outgrows the team, not before.
#[test]
fn the_why_panel_warns_when_the_company_is_too_small_for_its_revenue() {
    isolate();
    let scenario = builtin("default");
    let limit = scenario.params.business.arr_per_person;
    let mut app = App::new_game(Arc::clone(&scenario), 1);
    let strained = |app: &App| {
        let s = app.state().unwrap();
        s.arr_per_person() > limit
    };
    play_weeks(&mut app, 30);
    assert!(!strained(&app));
    let screen = text(&app, 120, 40);
    assert!(
        screen.contains("Company ") && screen.contains(" each"),
        "{screen}"
    );
    assert!(!screen.contains("too few to serve it"), "{screen}");
    // Pressing Enter keeps the starting three engineers while ARR grows.
    for _ in 0..200 {
        if strained(&app) || at_end(&app) {
            break;
        }
        play_weeks(&mut app, 1);
    }
    assert!(strained(&app), "never outgrew its team");
    let screen = text(&app, 120, 40);
    assert!(screen.contains("too few to serve it"), "{screen}");
}

/// A VP looks after about five managers (`org.manager_of_managers_span`):
/// with seven managers and one VP the org chart says another VP is due, and
/// the organisation is managed worse than with two; with two it says nothing.
#[test]
fn the_org_chart_says_when_the_managers_outgrow_their_vps() {
    isolate();
    let with_vps = |vps: usize| {
        let mut scenario = (*builtin("scale_up")).clone();
        scenario.start.engineers = 49;
        scenario.start.managers = 7;
        scenario.start.vps = vec![ReportingLine::Cto; vps];
        let mut app = App::new_game(Arc::new(scenario), 1);
        play_weeks(&mut app, 1);
        let coverage = app.state().unwrap().metrics.org_coverage;
        (text(&app, 120, 40), coverage)
    };
    let (one, thin) = with_vps(1);
    assert!(
        one.contains("7 managers for one VP: hire another."),
        "{one}"
    );
    let (two, managed) = with_vps(2);
    assert!(!two.contains("hire another"), "{two}");
    assert!(
        thin < managed - 0.1,
        "coverage {thin:.2} with one VP, {managed:.2} with two"
    );
}

/// Engineers outside every manager's span (`org.manager_span`) report to the
/// CTO: with 23 engineers and one manager the CTO cannot give them their
/// hours, and the org chart says so until the draft asks for the managers.
/// At 80×24 the controls below stay in view.
#[test]
fn the_org_chart_says_when_engineers_lack_managers() {
    isolate();
    let mut scenario = (*builtin("scale_up")).clone();
    scenario.start.engineers = 23;
    scenario.start.managers = 1;
    let mut app = App::new_game(Arc::new(scenario), 1);
    play_weeks(&mut app, 1);
    assert!(app.state().unwrap().metrics.cto_coverage < 0.95);
    let small = text(&app, 80, 24);
    assert!(
        small.contains("No manager for 15 engineers: promote.") && small.contains("VPs wanted"),
        "{small}"
    );
    pm(&mut app).draft.hiring.managers = 3;
    let asked = text(&app, 120, 40);
    assert!(!asked.contains("No manager for"), "{asked}");
    // Three managers cover the team: the warning does not come back.
    play_weeks(&mut app, 4);
    let managed = text(&app, 120, 40);
    assert_eq!(app.state().unwrap().people.managers, 3);
    assert!(!managed.contains("No manager for"), "{managed}");
}

/// At the smallest size the game supports, the end screen's story of the run
/// does not fit: ↓ scrolls it down to its last tip ("Next time"), the panel's
/// title says which lines show, and ↑ goes back to the top.
#[test]
fn the_end_screen_scrolls_its_story_at_80x24() {
    isolate();
    let source = std::fs::read_to_string("scenarios/tutorial.ron")
        .unwrap()
        .replace("horizon_weeks: 104", "horizon_weeks: 6");
    let scenario = scenario::load_str(&source, "six weeks").unwrap().scenario;
    let mut app = App::new_game(Arc::new(scenario), 1);
    app.on_resize(80, 24);
    play_to_the_end(&mut app);
    let top = text(&app, 80, 24);
    assert!(top.contains("The run · 1–"), "{top}");
    assert!(!top.contains("Next time"), "{top}");
    for _ in 0..20 {
        press(&mut app, &[KeyCode::Down]);
    }
    let bottom = text(&app, 80, 24);
    assert!(bottom.contains("Next time"), "{bottom}");
    assert!(!bottom.contains("Where influence moved most"), "{bottom}");
    // Scrolling stops at the last line: the first ↑ moves at once.
    press(&mut app, &[KeyCode::Up]);
    assert_ne!(text(&app, 80, 24), bottom);
    for _ in 0..20 {
        press(&mut app, &[KeyCode::Up]);
    }
    assert_eq!(text(&app, 80, 24), top);
}

/// At 80×24 the week's help does not fit: ↓ scrolls to the keys' last
/// line, the title says which lines show, and scrolling stops at the bottom
/// (PgDn moves no further), so a single ↑ after pressing ↓ too often moves at once. Esc closes
/// it, and it opens again at the top.
#[test]
fn the_help_scrolls_at_80x24() {
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    app.on_resize(80, 24);
    press(&mut app, &[KeyCode::Char('?')]);
    let top = text(&app, 80, 24);
    assert!(top.contains("Help · Keys · 1–"), "{top}");
    assert!(!top.contains("the focused row"), "{top}");
    for _ in 0..6 {
        press(&mut app, &[KeyCode::Down]);
    }
    let keys = text(&app, 80, 24);
    assert!(keys.contains("the focused row"), "{keys}");
    for _ in 0..2000 {
        press(&mut app, &[KeyCode::Down]);
    }
    let bottom = text(&app, 80, 24);
    press(&mut app, &[KeyCode::PageDown]);
    assert_eq!(text(&app, 80, 24), bottom, "2000 × ↓ is the bottom");
    press(&mut app, &[KeyCode::Up]);
    let one_up = text(&app, 80, 24);
    assert_ne!(one_up, bottom, "the first ↑ after the bottom did nothing");
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &[KeyCode::Char('?')]);
    assert_eq!(text(&app, 80, 24), top);
}

/// While the win's conditions hold, the goal line counts the weeks held
/// toward the ones the ending needs, so a player sees the win coming (and
/// sees it start over when a condition slips).
#[test]
fn the_goal_line_counts_the_weeks_the_win_has_held() {
    isolate();
    let source = std::fs::read_to_string("scenarios/scale_up.ron")
        .unwrap()
        .replace("op: at_least, value: 24)", "op: at_least, value: 10)")
        .replace("value: 16000000.0)", "value: 1000000.0)");
    let scenario = scenario::load_str(&source, "easy").unwrap().scenario;
    let mut app = App::new_game(Arc::new(scenario), 1);
    assert!(!text(&app, 200, 50).contains("(held"));
    play_weeks(&mut app, 3);
    let held = app.state().unwrap().ending_streaks[0];
    assert!(held >= 1, "the easy win does not hold");
    let wide = text(&app, 200, 50);
    let goal = wide.lines().nth(2).unwrap();
    assert!(
        goal.contains(&format!("for 8 weeks (held {held})")),
        "{goal}"
    );
    let narrow = text(&app, 80, 24);
    let goal = narrow.lines().nth(2).unwrap();
    assert!(goal.contains(&format!("({held}/8 wk)")), "{goal}");
}

/// A scenario whose win has four conditions still shows all of them at
/// 80 columns, in a compact form, and in words where there is room.
#[test]
fn the_goal_line_shows_every_condition_at_80_columns() {
    isolate();
    let app = App::new_game(builtin("scale_up"), 1);
    let narrow = text(&app, 80, 24);
    let goal = narrow.lines().nth(2).unwrap();
    assert!(
        goal.contains("engineers 12/24") && goal.contains("ARR $3.0M/$16.0M (8 wk)"),
        "{goal}"
    );
    let wide = text(&app, 200, 50);
    let goal = wide.lines().nth(2).unwrap();
    assert!(
        goal.contains("Goal: engineers 12 of 24")
            && goal.contains("ARR $3.0M of $16.0M for 8 weeks"),
        "{goal}"
    );
}

/// A managers target past what promotion can give (an experienced engineer
/// each, one always stays coding) gets a warning in the org chart, which
/// goes once the target is within reach.
#[test]
fn the_org_chart_warns_when_no_engineer_is_left_to_promote() {
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    play_weeks(&mut app, 1);
    let people = app.state().unwrap().people.clone();
    let can = people.experienced - 1;
    let wanted = people.managers + can + 2;
    pm(&mut app).draft.hiring.managers = wanted;
    let shown = text(&app, 200, 50);
    let warning = format!("{wanted} managers wanted: {can} can be promoted");
    assert!(shown.contains(&warning), "{warning}\n{shown}");
    pm(&mut app).draft.hiring.managers = people.managers + can;
    let within = text(&app, 200, 50);
    assert!(!within.contains("can be promoted"), "{within}");
}
