//! News that stays: what is under way stays in the news panel while it lasts,
//! routine repeats fold into one line, and the log (`m`) holds every line of
//! the run, in a game and in a replay.

use std::sync::Arc;

use cto_sim::engine::funding::raising;
use cto_sim::engine::risk::risks;
use cto_sim::engine::Scenario;
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::log::Kind;
use cto_sim::ui::screens::week::{Tab, Week};
use cto_sim::ui::screens::Screen;
use cto_sim::ui::session::Session;
use cto_sim::ui::warnings::risk_line;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;

fn press(app: &mut App, codes: &[KeyCode]) {
    for &code in codes {
        app.on_key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
    }
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

fn week_mut(app: &mut App) -> &mut Week {
    match &mut app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

fn session(app: &App) -> &Session {
    app.screen.shown().expect("a run on screen")
}

/// The news panel's items as drawn (the week screen at `w`×`h`): each item's
/// wrapped lines joined, without its week.
fn news_panel(app: &App, w: u16, h: u16) -> Vec<String> {
    let rows: Vec<Vec<char>> = rows(&render(app, w, h))
        .iter()
        .map(|r| r.chars().collect())
        .collect();
    // The panel whose title names the news: its top left corner.
    let (top, left) = rows
        .iter()
        .enumerate()
        .find_map(|(y, r)| {
            let text: String = r.iter().collect();
            let at = text.find("News")?;
            let before = text[..at].chars().count();
            r[..before].iter().rposition(|&c| c == '┌').map(|x| (y, x))
        })
        .expect("the news panel is on screen");
    let mut items: Vec<String> = Vec::new();
    for cells in &rows[top + 1..] {
        if cells[left] == '└' {
            break;
        }
        let inside: String = cells[left + 1..cells.len() - 1].iter().collect();
        let (week, text) = inside.split_at(5);
        if week.starts_with('w') {
            items.push(text.trim().to_string());
        } else if let Some(last) = items.last_mut().filter(|_| !text.trim().is_empty()) {
            last.push(' ');
            last.push_str(text.trim());
        }
    }
    items
}

/// Play `bot` on `scenario` with `seed` through the week screen, calling
/// `each` after every week.
fn play(scenario: &str, bot: &str, seed: u64, mut each: impl FnMut(&mut App)) -> App {
    let sc = Arc::new(Scenario::builtin(scenario).unwrap());
    let mut app = App::new_game(Arc::clone(&sc), seed);
    let mut policy = cto_sim::policy::by_name(bot, seed).unwrap();
    while matches!(app.screen, Screen::Week(_)) {
        let d = policy.decide(app.state().unwrap(), &sc);
        week_mut(&mut app).draft = d;
        app.end_week();
        app.close_dialogs();
        if matches!(app.screen, Screen::Week(_)) {
            each(&mut app);
        }
    }
    app
}

/// The raise that starts near week 101 of `balanced` on default (seed 22) was
/// gone from the seven-line panel five weeks later and closed at week 118:
/// now it, and every other raise of the run, stays in the panel (at 120×40,
/// and in the news view at 80×24) every week until it closes.
#[test]
fn a_raise_under_way_stays_in_the_news_panel_every_week_until_it_closes() {
    let mut raises: Vec<(u32, u32)> = Vec::new();
    play("default", "balanced", 22, |app| {
        let s = app.state().unwrap().clone();
        let Some(r) = raising(&s, session(app).scenario()) else {
            return;
        };
        let started = s.week + 1 - r.week;
        match raises.last_mut() {
            Some((from, to)) if *from == started => *to = s.week,
            _ => raises.push((started, s.week)),
        }
        let line = format!(
            "▸ The CEO started raising the {} round: it closes in {}–{} weeks, whatever ARR does.",
            r.to.label(),
            r.takes[0],
            r.takes[1]
        );
        week_mut(app).tab = Tab::News;
        for (w, h) in [(120, 40), (80, 24)] {
            let panel = news_panel(app, w, h);
            assert!(
                panel.first().is_some_and(|l| *l == line) || panel.contains(&line),
                "week {}, {w}×{h}: {line:?} not in {panel:#?}",
                s.week
            );
        }
    });
    assert!(
        raises.iter().any(|(from, _)| (90..=110).contains(from)),
        "a raise starts near week 101: {raises:?}"
    );
    // Long enough to have scrolled away from seven lines of news.
    assert!(raises.iter().all(|(from, to)| to > from), "{raises:?}");
}

/// Every line the news panel shows, week after week, is a line of the log
/// (what is under way marked ▸, routine repeats counted after it), and the
/// log overlay, scrolled from its first line to its last, shows every line.
#[test]
fn every_news_line_of_a_run_is_in_the_log() {
    let mut shown_lines = 0;
    let app = play("turnaround", "balanced,answers=default", 22, |app| {
        let (s, sc) = (app.state().unwrap(), session(app).scenario());
        let mut texts: Vec<String> = session(app).log.iter().map(|e| e.text.clone()).collect();
        // A warning under way reads as it does this week.
        texts.extend(
            risks(s, sc)
                .iter()
                .map(|r| format!("Warning: {}", risk_line(r, sc, s))),
        );
        let panel = news_panel(app, 120, 40);
        for (i, item) in panel.iter().enumerate() {
            let item = item.trim_start_matches("▸ ");
            let base = item.split(" ×").next().unwrap();
            // The bottom item may be cut where the panel ends.
            let cut = i + 1 == panel.len();
            assert!(
                texts
                    .iter()
                    .any(|t| t == base || cut && t.starts_with(base)),
                "week {}: {item:?} is not in the log",
                app.state().unwrap().week
            );
            shown_lines += 1;
        }
    });
    assert!(shown_lines > 500, "{shown_lines}");
    let mut app = app;
    press(&mut app, &[KeyCode::Char('m')]);
    assert_eq!(app.context(), Context::Log);
    let log = session(&app).log.clone();
    assert!(log.len() > 100, "a long log: {}", log.len());
    // From the top, a line at a time, to the newest line.
    press(&mut app, &[KeyCode::Home]);
    let mut seen = String::new();
    let mut last = String::new();
    for _ in 0..log.len() * 2 {
        let screen = rows(&render(&app, 120, 40)).join("\n");
        if screen == last {
            break;
        }
        seen.push_str(&screen);
        last = screen;
        press(&mut app, &[KeyCode::Down]);
    }
    let seen = seen.replace("▸ ", "");
    for e in &log {
        // The start of each line, before it wraps.
        let start: String = e.text.chars().take(60).collect();
        let start = start.rsplit_once(' ').map_or(start.as_str(), |(a, _)| a);
        assert!(
            seen.contains(&format!("w{:<5}{start}", e.week.max(1))),
            "not in the log: w{} {}",
            e.week.max(1),
            e.text
        );
    }
    press(&mut app, &[KeyCode::Char('m')]);
    assert!(app.overlay.is_none(), "m closes the log");
}

/// balanced's turnaround runs flipped the managers target between 1 and 2
/// and the news said "An engineer was promoted to manager" every other week:
/// played so on purpose, the panel shows it once, with a count.
#[test]
fn a_target_that_flips_every_week_takes_one_line_of_news() {
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    let mut app = App::new_game(Arc::clone(&sc), 3);
    let mut promoted = 0;
    for week in 0..40 {
        week_mut(&mut app).draft.hiring.managers = 1 + week % 2;
        app.end_week();
        app.close_dialogs();
        promoted += session(&app)
            .log
            .iter()
            .filter(|e| e.week == week + 1 && e.text.contains("promoted"))
            .count();
    }
    assert!(
        promoted >= 10,
        "the flips promoted someone {promoted} times"
    );
    week_mut(&mut app).tab = Tab::News;
    for (w, h) in [(120, 40), (80, 24)] {
        let panel = news_panel(&app, w, h);
        let lines: Vec<&String> = panel.iter().filter(|l| l.contains("promoted")).collect();
        assert_eq!(lines.len(), 1, "{w}×{h}: {panel:#?}");
        assert!(lines[0].contains(" ×"), "{lines:?}");
    }
}

/// A replay's log holds the lines up to the week it shows, and no later.
#[test]
fn a_replays_log_ends_at_the_week_it_shows() {
    let record =
        cto_sim::run::load(std::path::Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    let mut app = App::replay(cto_sim::run::verify(&record, "golden").unwrap().recording);
    app.seek(130);
    press(&mut app, &[KeyCode::Char('m')]);
    assert_eq!(app.context(), Context::Log);
    let log = &session(&app).log;
    assert!(log.iter().all(|e| e.week <= 130));
    let newest = log.last().unwrap();
    let screen = rows(&render(&app, 80, 24));
    let bottom = screen
        .iter()
        .rev()
        .find(|r| r.contains(&format!("w{:<5}", newest.week)))
        .expect("the newest line is at the bottom");
    assert!(bottom.contains(&newest.text.chars().take(20).collect::<String>()));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.context(), Context::Replay);
}

/// The log overlay at the two sizes a player reads it: every line with its
/// week, newest last, what is under way marked.
#[test]
fn the_log_overlay_at_80x24_and_120x40() {
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    let mut app = App::new_game(Arc::clone(&sc), 22);
    let mut policy = cto_sim::policy::by_name("balanced", 22).unwrap();
    // Into the raise from Series A: a line under way.
    loop {
        let d = policy.decide(app.state().unwrap(), &sc);
        week_mut(&mut app).draft = d;
        app.end_week();
        app.close_dialogs();
        let s = app.state().unwrap();
        if s.week > 90 && raising(s, &sc).is_some() {
            break;
        }
    }
    assert!(session(&app)
        .log
        .iter()
        .any(|e| e.kind == Kind::Raise && e.week > 90));
    press(&mut app, &[KeyCode::Char('m')]);
    for (w, h) in [(80, 24), (120, 40)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        insta::assert_snapshot!(format!("log_{w}x{h}"), term.backend().to_string());
    }
}

/// A VP search stays at the top of the news from the week it starts until
/// the VP does; then the VP's start is the news.
#[test]
fn a_vp_search_stays_in_the_news_until_the_vp_starts() {
    let mut with_team = Scenario::builtin("default").unwrap();
    with_team.start.engineers = 30;
    with_team.start.managers = 4;
    with_team.start.cash = 50e6;
    let mut app = App::new_game(Arc::new(with_team), 1);
    week_mut(&mut app).draft.hiring.vps = 1;
    let mut searched = 0;
    for _ in 0..30 {
        app.end_week();
        app.close_dialogs();
        let panel = news_panel(&app, 120, 40);
        let search = "▸ The search for a VP of Engineering started.";
        if app.state().unwrap().people.vp_search.is_some() {
            searched += 1;
            // Among what is under way, at the top.
            let pinned: Vec<&String> = panel.iter().take_while(|l| l.starts_with('▸')).collect();
            assert!(pinned.iter().any(|l| *l == search), "{panel:#?}");
        } else {
            assert!(!panel.iter().any(|l| l == search), "{panel:#?}");
        }
    }
    assert!(searched > 4, "the search lasted {searched} weeks");
    assert_eq!(app.state().unwrap().people.vps.len(), 1, "the VP started");
}

/// The warning of an ending on its way stays in the news, marked, with this
/// week's figures, while the ending still is on its way.
#[test]
fn a_warning_stays_in_the_news_while_its_ending_is_on_its_way() {
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    let mut app = App::new_game(Arc::clone(&sc), 2);
    let mut bot = cto_sim::policy::by_name("delegator", 2).unwrap();
    let mut warned = 0;
    while matches!(app.screen, Screen::Week(_)) {
        let d = bot.decide(app.state().unwrap(), &sc);
        week_mut(&mut app).draft = d;
        app.end_week();
        app.close_dialogs();
        if !matches!(app.screen, Screen::Week(_)) {
            break;
        }
        let s = app.state().unwrap();
        for r in risks(s, &sc) {
            assert!(session(&app)
                .log
                .iter()
                .any(|e| e.kind == Kind::Warning(r.ending)));
            // As it reads this week.
            let pinned = format!("▸ Warning: {}", risk_line(&r, &sc, s));
            let panel = news_panel(&app, 120, 40);
            // A long warning is cut where the panel ends; its start is there.
            let start: String = pinned.chars().take(40).collect();
            assert!(
                panel.iter().any(|l| l.starts_with(&start)),
                "week {}: {pinned:?} not in {panel:#?}",
                s.week
            );
            warned += 1;
        }
    }
    assert!(warned > 3, "warned {warned} weeks");
}

/// Weeks are counted from 1 wherever a player reads them: the log's first
/// line, written before the first week, is week 1's, in the log (`m`) and
/// in the news panel.
#[test]
fn the_logs_first_line_is_week_one() {
    let scenario = Arc::new(Scenario::builtin("default").unwrap());
    let mut app = App::new_game(scenario, 1);
    app.close_dialogs();
    let panel = rows(&render(&app, 120, 40)).join("\n");
    assert!(panel.contains("│w1   Week 1 at"), "{panel}");
    press(&mut app, &[KeyCode::Char('m')]);
    let log = rows(&render(&app, 120, 40)).join("\n");
    assert!(log.contains("w1    Week 1 at"), "{log}");
    assert!(!log.contains("w0"), "{log}");
}

/// An event's `{runway_months}` reads as the header does: no "999 months"
/// when revenue covers the costs, no jumpy month count past five years.
#[test]
fn an_events_runway_reads_unlimited_when_revenue_covers_the_costs() {
    let app = App::new_game(Arc::new(Scenario::builtin("default").unwrap()), 1);
    let mut s = app.state().unwrap().clone();
    let text = "Runway is {runway_months}.";
    s.metrics.runway_months = cto_sim::engine::RUNWAY_CAP;
    assert_eq!(
        cto_sim::ui::news::event_text(text, &s),
        "Runway is unlimited (revenue covers the costs)."
    );
    s.metrics.runway_months = 300.0;
    assert_eq!(
        cto_sim::ui::news::event_text(text, &s),
        "Runway is over five years."
    );
    s.metrics.runway_months = 14.2;
    assert_eq!(
        cto_sim::ui::news::event_text(text, &s),
        "Runway is 14 months."
    );
}

/// When a competitor's move swings par to strategy and recruiting falls to
/// nothing with positions open, the news says why hiring paused.
#[test]
fn par_news_says_hiring_pauses_for_a_competitors_move() {
    use cto_sim::engine::par::{par, CONTESTED_AT};
    let sc = Scenario::builtin("default").unwrap();
    let app = App::new_game(Arc::new(sc.clone()), 1);
    let calm = app.state().unwrap().clone();
    let mut shocked = calm.clone();
    shocked.company.contested_fit = CONTESTED_AT + 0.05;
    let wanted = calm.people.engineers() + 3;
    let before = par(&calm, &sc.params, 45, wanted);
    let after = par(&shocked, &sc.params, 45, wanted);
    assert!(before.attention.hiring > 0, "{before:?}");
    assert_eq!(after.attention.hiring, 0, "{after:?}");
    let line = cto_sim::ui::news::par_moved(&before, &after).expect("par moved");
    assert!(
        line.ends_with("Hiring pauses: 3 positions open, but a competitor's move comes first."),
        "{line}"
    );
}
