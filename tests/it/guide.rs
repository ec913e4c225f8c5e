//! The guide in the game (`?`, then How it works): it has an entry for every
//! label the week screen draws in its header, its Organisation panel and its
//! Why panel, read off the drawn screen at several moments of a run; it shows
//! each figure's value in the run; it scrolls and jumps from section to
//! section at 80×24; and `docs/guide.md` is the same words.

use std::sync::Arc;

use cto_sim::engine::stage::Stage;
use cto_sim::engine::{ReportingLine, Scenario};
use cto_sim::ui::app::App;
use cto_sim::ui::guide::{knows, markdown, sections};
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::week::layout::parts;
use cto_sim::ui::screens::week::{Tab, Week};
use cto_sim::ui::screens::Screen;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::Terminal;

fn builtin(name: &str) -> Arc<Scenario> {
    Arc::new(Scenario::builtin(name).unwrap())
}

fn press(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        app.on_key(KeyEvent {
            code: *c,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
    }
}

fn week(app: &mut App) -> &mut Week {
    match &mut app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().buffer().clone()
}

fn text(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().to_string()
}

/// The rows of `area` in `buf`, as text.
fn rows(buf: &Buffer, area: Rect) -> Vec<String> {
    (area.y..area.bottom())
        .map(|y| {
            (area.x..area.right())
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// Play `weeks` weeks with Enter, leaving events to the organisation.
fn play_weeks(app: &mut App, weeks: u32) {
    for _ in 0..weeks {
        app.end_week();
        app.close_dialogs();
    }
}

/// Play with a bot until `until` holds (at most `max` weeks).
fn play_bot_until(app: &mut App, bot: &str, max: u32, until: impl Fn(&App) -> bool) {
    let sc = Arc::new(week(app).session.scenario().clone());
    let seed = week(app).session.game().seed();
    let mut bot = cto_sim::policy::by_name(bot, seed).unwrap();
    for _ in 0..max {
        if until(app) {
            return;
        }
        let d = bot.decide(app.state().unwrap(), &sc);
        week(app).draft = d;
        app.end_week();
        app.close_dialogs();
    }
    panic!("the state never came");
}

/// The forecast for the week on screen, computed here rather than by the
/// game's worker, as the screen shows it once it is in.
fn with_forecast(mut app: App) -> App {
    let w = week(&mut app);
    let forecast = cto_sim::forecast::forecast(w.session.game(), &w.draft);
    let key = w.session.game().hash();
    let plan = w.draft.clone();
    assert!(w.on_forecast(cto_sim::ui::forecast::Done {
        key,
        plan,
        forecast
    }));
    app
}

/// The moments of a run the test reads the screen at, by name, each with
/// the forecast in (but the first).
fn moments() -> Vec<(&'static str, App)> {
    let mut all = bare_moments().into_iter();
    let first = all.next().into_iter();
    first
        .chain(all.map(|(name, app)| (name, with_forecast(app))))
        .collect()
}

/// The moments, without a forecast.
fn bare_moments() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    out.push(("week one", App::new_game(builtin("default"), 1)));
    let mut early = App::new_game(builtin("default"), 1);
    play_weeks(&mut early, 6);
    // Open positions and too little hiring: the hiring advice.
    week(&mut early).draft.hiring.engineers = 6;
    out.push(("early, positions open", early));
    let mut later = App::new_game(builtin("default"), 1);
    play_bot_until(&mut later, "balanced", 300, |a| {
        a.state().unwrap().week >= 60
    });
    out.push(("a year in", later));
    let mut raising = App::new_game(builtin("default"), 3);
    play_bot_until(&mut raising, "balanced", 300, |a| {
        a.state().unwrap().raise.weeks_left > 0
    });
    out.push(("during a raise", raising));
    let mut warned = App::new_game(builtin("default"), 2);
    play_bot_until(&mut warned, "delegator", 300, |a| {
        a.state().unwrap().tracking.puppet_streak > 0
    });
    out.push(("a warning", warned));
    let mut with_vp = (*builtin("default")).clone();
    with_vp.start.vps = vec![ReportingLine::Ceo { forum: true }, ReportingLine::Cto];
    with_vp.start.engineers = 30;
    with_vp.start.managers = 4;
    let mut vp = App::new_game(Arc::new(with_vp), 1);
    week(&mut vp).draft.hiring.vps = 3;
    play_weeks(&mut vp, 3);
    out.push(("with VPs", vp));
    let mut unmanaged = (*builtin("scale_up")).clone();
    unmanaged.start.engineers = 23;
    unmanaged.start.managers = 1;
    let mut unmanaged = App::new_game(Arc::new(unmanaged), 1);
    play_weeks(&mut unmanaged, 1);
    out.push(("engineers without managers", unmanaged));
    let mut crowded = (*builtin("scale_up")).clone();
    crowded.start.engineers = 49;
    crowded.start.managers = 7;
    crowded.start.vps = vec![ReportingLine::Cto];
    let mut crowded = App::new_game(Arc::new(crowded), 1);
    play_weeks(&mut crowded, 1);
    out.push(("managers outgrow the VP", crowded));
    out
}

/// The labels in a drawn line: what is left when values (numbers, money,
/// percentages, stage names, the scenario's name), units and punctuation are
/// taken out, lower case.
fn labels(line: &str, scenario_name: &str) -> Vec<String> {
    let mut line = line.replace(scenario_name, "·");
    // The 10x programmer ending's name starts with a number: read it as its
    // id reads.
    line = line.replace("10x programmer", "ten x programmer");
    // A stage's name is a value (the header's "Seed stage", "Raising Series A").
    for stage in Stage::ALL.iter().rev() {
        line = line.replace(stage.label(), "·");
    }
    let mut out = Vec::new();
    let mut phrase = String::new();
    let mut chars = line.chars().peekable();
    let mut flush = |phrase: &mut String| {
        let p = phrase.trim().to_lowercase();
        const UNITS: &[&str] = &["of", "mo", "yr", "h", "wk", "w", "x"];
        if p.chars().any(char::is_alphabetic) && !UNITS.contains(&p.as_str()) {
            out.push(p);
        }
        phrase.clear();
    };
    let mut last = ' ';
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let number = c.is_ascii_digit()
            || (c == 'w' && last == ' ' && next.is_ascii_digit())
            || (matches!(c, '.' | ',') && last.is_ascii_digit() && next.is_ascii_digit())
            || (matches!(c, 'k' | 'M' | 'B') && last.is_ascii_digit() && !next.is_alphabetic());
        let separator = number
            || "·:();,/$%×≤<>~#+=[]–—!?.−∞↑↓─│├└┌┐┘◀▶█░\"".contains(c)
            || (c == '-' && (next.is_ascii_digit() || next == '$'))
            || (c == ' ' && next == ' ');
        if separator {
            flush(&mut phrase);
        } else {
            phrase.push(c);
        }
        last = c;
    }
    flush(&mut phrase);
    out
}

/// A label the screen drew, where, and whether the guide knows it.
struct Drawn {
    label: String,
    place: String,
    known: bool,
}

/// Every label the week screen draws in its header, its Organisation panel
/// and its Why panel, at 120×40 (where each has room, so nothing wraps),
/// in every moment of `moments`, with where it was drawn.
fn drawn_labels() -> Vec<Drawn> {
    let mut out = Vec::new();
    for (moment, mut app) in moments() {
        week(&mut app).tab = Tab::Why;
        let name = app_scenario_name(&mut app);
        let sc = week(&mut app).session.scenario().clone();
        let area = Rect::new(0, 0, 120, 40);
        let buf = buffer(&app, 120, 40);
        let p = parts(area, false);
        let why = Rect {
            height: 17,
            ..p.right
        };
        for (region, rect) in [
            ("header", p.head),
            ("organisation", p.organisation),
            ("why", why),
        ] {
            for row in rows(&buf, rect) {
                for l in labels(&row, &name) {
                    let known = knows(&l, &sc);
                    out.push(Drawn {
                        label: l,
                        place: format!("{moment}, {region}: {}", row.trim()),
                        known,
                    });
                }
            }
        }
    }
    out
}

fn app_scenario_name(app: &mut App) -> String {
    week(app).session.scenario().name.clone()
}

#[test]
fn the_guide_has_an_entry_for_every_label_the_week_screen_draws() {
    let drawn = drawn_labels();
    // The walk reads the figures it should: a few labels from each panel.
    for expected in [
        "cash",
        "runway",
        "goal",
        "raising",
        "coverage",
        "engineers wanted",
        "neglected reports",
        "adoption",
        "burn multiple",
        "no manager for",
        "managers for one vp",
    ] {
        assert!(
            drawn.iter().any(|d| d.label == expected),
            "the screen never drew `{expected}`"
        );
    }
    let missing: Vec<&Drawn> = drawn.iter().filter(|d| !d.known).collect();
    assert!(
        missing.is_empty(),
        "labels the screen draws that the guide does not know:\n{}",
        missing
            .iter()
            .map(|d| format!("  `{}` in {}", d.label, d.place))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The status line's warning names an ending the guide explains, with the
/// loaded scenario's own thresholds.
#[test]
fn a_warning_names_an_ending_the_guide_explains() {
    let (_, app) = moments()
        .into_iter()
        .find(|(m, _)| *m == "a warning")
        .unwrap();
    let shown = text(&app, 120, 40);
    let warning = shown
        .lines()
        .nth(3)
        .unwrap()
        .trim_matches(|c| c == '"' || c == ' ')
        .to_string();
    let ending = warning.split(" in ").next().unwrap();
    let sc = builtin("default");
    let guide = sections(&sc, None);
    let (_, endings) = guide.last().unwrap();
    assert!(
        endings.iter().any(|b| b.term.starts_with(ending)),
        "no ending `{ending}` in the guide (warning: {warning})"
    );
}

/// `docs/guide.md` is the guide's own words, generated from the table help
/// draws: a change to one without the other fails here
/// (`GUIDE_UPDATE=1` writes the file anew).
#[test]
fn the_guide_in_docs_is_the_guide_in_the_game() {
    let path = "docs/guide.md";
    let generated = markdown();
    if std::env::var_os("GUIDE_UPDATE").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == generated,
        "{path} differs from the guide in the game: run \
         `GUIDE_UPDATE=1 cargo test --release --test it guide` and review the diff"
    );
    // Every entry of the game is a heading of the document.
    for e in cto_sim::ui::guide::entries() {
        assert!(
            written.contains(&format!("\n### {}\n", e.term)),
            "{}",
            e.term
        );
    }
}

/// Help opened on the week screen, at the first section of How it works.
fn guide_open(app: &mut App) {
    press(app, &[KeyCode::Char('?'), KeyCode::Tab]);
    assert_eq!(app.context(), Context::Help);
}

/// `?` then Tab on the week screen shows How it works, each figure with its
/// value in the run on screen: the cash of this run, the par the screen
/// shows for the draft.
#[test]
fn the_guide_shows_each_figure_with_its_value_in_this_run() {
    let mut app = App::new_game(builtin("default"), 1);
    app.on_resize(120, 40);
    play_weeks(&mut app, 5);
    guide_open(&mut app);
    let shown = text(&app, 120, 40);
    assert!(shown.contains("How it works"), "{shown}");
    assert!(shown.contains("Help · How it works"), "{shown}");
    let s = app.state().unwrap();
    let cash = cto_sim::ui::money::money(s.company.cash);
    press(&mut app, &[KeyCode::Tab]);
    let header = text(&app, 120, 40);
    assert!(header.contains(&format!("Cash · now: {cash}")), "{header}");
    // Par as the week screen shows it for the draft, even after a change.
    press(&mut app, &[KeyCode::Esc]);
    week(&mut app).draft.hiring.engineers = 8;
    let par = week(&mut app).par().attention;
    guide_open(&mut app);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    let attention = text(&app, 120, 40);
    let split = format!(
        "Par · now: {}/{}/{}/{}",
        par.strategy, par.hiring, par.coding, par.management
    );
    assert!(attention.contains(&split), "{split}\n{attention}");
    assert!(par.hiring > 0, "open positions get recruiting in par");
}

/// What ends a run is read from the loaded scenario: its own endings with
/// their conditions, and the built-in ones with its own thresholds.
#[test]
fn the_guide_lists_the_scenarios_own_endings_with_their_conditions() {
    let mut app = App::new_game(builtin("scale_up"), 1);
    app.on_resize(120, 40);
    press(&mut app, &[KeyCode::Char('?')]);
    press(&mut app, &[KeyCode::PageDown; 30]);
    let shown = text(&app, 120, 40);
    let sc = builtin("scale_up");
    let own = &sc.endings[0];
    assert!(shown.contains(&own.title), "{shown}");
    assert!(shown.contains("engineers at least 24"), "{shown}");
    assert!(shown.contains("Time up"), "{shown}");
    let mut growing = (*sc).clone();
    growing.params.endings.puppet_weeks = 5;
    let mut app = App::new_game(Arc::new(growing), 1);
    app.on_resize(120, 40);
    press(&mut app, &[KeyCode::Char('?')]);
    press(&mut app, &[KeyCode::PageDown; 30]);
    let shown = text(&app, 120, 40);
    assert!(shown.contains("For 5 weeks: authority under 20"), "{shown}");
}

/// At 80×24 the guide scrolls and jumps: Tab goes from section to section
/// (the title names the one shown), S-Tab back, PgDn a page at a time to
/// the last line (the horizon), S-Tab back to the top; Esc closes it.
#[test]
fn the_guide_scrolls_and_jumps_between_sections_at_80x24() {
    let mut app = App::new_game(builtin("default"), 1);
    app.on_resize(80, 24);
    press(&mut app, &[KeyCode::Char('?')]);
    let top = text(&app, 80, 24);
    assert!(top.contains("Help · Keys · 1–"), "{top}");
    let mut titles = Vec::new();
    for _ in 0..8 {
        press(&mut app, &[KeyCode::Tab]);
        let shown = text(&app, 80, 24);
        let title = shown
            .lines()
            .find(|l| l.contains("Help · "))
            .unwrap()
            .to_string();
        titles.push(title);
    }
    for part in cto_sim::ui::guide::Part::ALL {
        assert!(
            titles.iter().any(|t| t.contains(part.title())),
            "Tab never reached {}: {titles:#?}",
            part.title()
        );
    }
    press(&mut app, &[KeyCode::BackTab]);
    assert!(!text(&app, 80, 24).contains("Help · What ends a run"));
    press(&mut app, &[KeyCode::PageDown; 40]);
    let bottom = text(&app, 80, 24);
    assert!(
        bottom.contains("Otherwise the run ends after 286 weeks"),
        "{bottom}"
    );
    press(&mut app, &[KeyCode::BackTab; 10]);
    assert_eq!(text(&app, 80, 24), top);
    press(&mut app, &[KeyCode::PageDown]);
    assert_ne!(text(&app, 80, 24), top);
    press(&mut app, &[KeyCode::PageUp]);
    assert_eq!(text(&app, 80, 24), top);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.context(), Context::Week);
}

/// The guide as a player sees it, at the smallest size and a common one.
#[test]
fn the_guide_at_two_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = App::new_game(builtin("default"), 1);
        app.on_resize(w, h);
        play_weeks(&mut app, 8);
        guide_open(&mut app);
        insta::assert_snapshot!(format!("guide_{w}x{h}"), text(&app, w, h));
        press(
            &mut app,
            &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab, KeyCode::Tab],
        );
        insta::assert_snapshot!(format!("guide_why_{w}x{h}"), text(&app, w, h));
    }
}

/// The Why panel's "neglected reports" names what it reads — the share of
/// the hours they need that the CTO's own reports got — so it is not read
/// as the Organisation panel's coverage, which counts everyone any manager
/// looks after plus a small-team bonus and can be near 100% meanwhile.
#[test]
fn neglected_reports_name_the_hours_they_read_not_the_coverage() {
    use cto_sim::engine::{Cause, PowerBase};
    let mut app = App::new_game(builtin("default"), 1);
    week(&mut app).draft.hiring.engineers = 6;
    let neglected = |app: &App| {
        app.state().unwrap().ledger.iter().any(|e| {
            e.cause == Cause::NeglectedReports
                && e.base == PowerBase::Referent
                && e.influence_points <= -0.05
        })
    };
    for _ in 0..120 {
        if neglected(&app) {
            break;
        }
        // Attention at par, management at 15% where par asks for more.
        press(&mut app, &[KeyCode::Char('p')]);
        let d = &mut week(&mut app).draft;
        let spare = d.attention.management.saturating_sub(15);
        d.attention.management -= spare;
        d.attention.strategy += spare;
        app.end_week();
        app.close_dialogs();
    }
    assert!(neglected(&app), "reports were never neglected");
    week(&mut app).tab = Tab::Why;
    let shown = text(&app, 120, 40);
    let m = &app.state().unwrap().metrics;
    let reads = format!(
        "neglected reports: {:.0}% of their hours",
        m.cto_coverage * 100.0
    );
    assert!(shown.contains(&reads), "{reads}\n{shown}");
    assert!(
        shown.contains(&format!("Coverage {:.0}%", m.org_coverage * 100.0)),
        "{shown}"
    );
    assert!(
        m.org_coverage - m.cto_coverage > 0.05,
        "the two figures differ here ({:.2} and {:.2})",
        m.org_coverage,
        m.cto_coverage
    );
}

/// A board whose patience is drawn for each run: outside a run the guide
/// gives the range the week it starts counting is drawn from; in a run,
/// this run's week.
#[test]
fn the_guide_shows_this_boards_bar_for_a_drawn_deadline() {
    use cto_sim::engine::Game;
    use cto_sim::ui::guide::Now;
    let sc = builtin("scale_up");
    let deadline = |now: Option<&Now>| -> String {
        let guide = sections(&sc, now);
        let (_, endings) = guide.last().unwrap();
        let block = endings
            .iter()
            .find(|b| b.term.starts_with("The board lost patience"))
            .expect("the board's deadline is in the guide");
        block.paragraphs.join(" ")
    };
    let outside = deadline(None);
    assert!(
        outside.contains("week at least 34 (drawn for each run from 28–40)"),
        "{outside}"
    );
    let mut shown = std::collections::BTreeSet::new();
    for seed in 1..=20 {
        let game = Game::new(Arc::clone(&sc), seed);
        let s = game.state();
        let bar = sc.endings[1].when[0].threshold(s, 1, 0);
        let now = Now {
            s,
            sc: &sc,
            par: None,
            forecast: None,
        };
        let text = deadline(Some(&now));
        let asked = bar.ceil();
        assert!(
            text.contains(&format!(
                "week at least {asked:.0} (this run's, drawn from 28–40)"
            )),
            "seed {seed}, bar {bar}: {text}"
        );
        shown.insert(asked as u32);
    }
    assert!(shown.len() >= 4, "boards asked for {shown:?}");
}

/// Before the first week a figure reads "– (after the first week)", with no
/// unit stuck after it ("…week)/yr"); after it, the figure carries its unit.
#[test]
fn a_figure_not_yet_measured_reads_without_a_stray_unit() {
    let sc = builtin("default");
    let mut app = App::new_game(Arc::clone(&sc), 1);
    let nows = |app: &App| -> Vec<(&'static str, String)> {
        let s = app.state().unwrap();
        let now = cto_sim::ui::guide::Now {
            s,
            sc: &sc,
            par: None,
            forecast: None,
        };
        cto_sim::ui::guide::entries()
            .map(|e| (e.term, (e.now)(&now)))
            .collect()
    };
    for (term, now) in nows(&app) {
        if let Some(at) = now.find("(after the first week)") {
            let after = &now[at + "(after the first week)".len()..];
            // Nothing, or another clause: no unit glued on.
            assert!(after.is_empty() || after.starts_with("; "), "{term}: {now}");
        }
    }
    play_weeks(&mut app, 1);
    let attrition = nows(&app)
        .into_iter()
        .find(|(term, _)| *term == "Attrition")
        .unwrap()
        .1;
    assert!(attrition.ends_with("%/yr"), "{attrition}");
}
