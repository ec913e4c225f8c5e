//! The terminal game without a terminal: whole-screen snapshots at three sizes,
//! the styles that carry meaning, a whole game driven through the real key
//! handler, and rendering at any size without a panic.

use std::sync::{Arc, Once};

use cto_sim::engine::Scenario;
use cto_sim::engine::{Ending, ReportingLine};
use cto_sim::scenario;
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::week::dialog::Dialog;
use cto_sim::ui::screens::week::{Panel, Tab, Week};
use cto_sim::ui::screens::{Overlay, Screen};
use cto_sim::ui::theme::Theme;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use ratatui::Terminal;

static ISOLATE: Once = Once::new();

/// Keep the player's own scenario folder out of the tests.
fn isolate() {
    ISOLATE.call_once(|| {
        let empty = std::env::temp_dir().join(format!("cto-sim-ui-{}", std::process::id()));
        // Set once, before any test reads it.
        unsafe_set_env(scenario::DATA_DIR_ENV, &empty);
    });
}

#[allow(unused_unsafe)]
fn unsafe_set_env(key: &str, value: &std::path::Path) {
    // Single-threaded at this point in practice: every test calls isolate() first.
    unsafe { std::env::set_var(key, value) };
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// The run on the week screen.
fn p(app: &App) -> &Week {
    match &app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

fn pm(app: &mut App) -> &mut Week {
    match &mut app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

/// The dialog open over the week screen, if any.
fn dialog(app: &App) -> Option<&Dialog> {
    match &app.screen {
        Screen::Week(week) => week.dialog.as_ref(),
        _ => None,
    }
}

fn at_end(app: &App) -> bool {
    matches!(app.screen, Screen::End(_))
}

fn press(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        app.on_key(key(*c));
    }
}

fn builtin(name: &str) -> Arc<Scenario> {
    Arc::new(Scenario::builtin(name).unwrap())
}

fn coloured(mut app: App) -> App {
    app.theme = Theme { color: true };
    app
}

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term
}

fn text(app: &App, w: u16, h: u16) -> String {
    render(app, w, h).backend().to_string()
}

/// The screens worth a snapshot, by name.
fn screens() -> Vec<(&'static str, App)> {
    isolate();
    let mut out = Vec::new();
    out.push(("title", App::title()));
    let mut picker = App::title();
    press(
        &mut picker,
        &[KeyCode::Enter, KeyCode::Char('4'), KeyCode::Char('2')],
    );
    out.push(("picker", picker));
    out.push(("week_one", App::new_game(builtin("default"), 1)));
    let mut later = App::new_game(builtin("default"), 1);
    pm(&mut later).draft.hiring.engineers = 6;
    play_weeks(&mut later, 30);
    out.push(("week_thirty", later));
    let mut charts = App::new_game(builtin("default"), 1);
    play_weeks(&mut charts, 20);
    pm(&mut charts).tab = Tab::Charts;
    out.push(("charts", charts));
    let mut news = App::new_game(builtin("default"), 1);
    play_weeks(&mut news, 12);
    pm(&mut news).tab = Tab::News;
    out.push(("news", news));
    let mut event = App::new_game(builtin("tutorial"), 1);
    press(&mut event, &[KeyCode::Enter]);
    out.push(("event", event));
    // An event with the longest text the format allows (2,000 characters,
    // wide characters and emoji among them): the choices stay in view.
    let mut long_event = App::new_game(long_event_scenario(), 1);
    press(&mut long_event, &[KeyCode::Enter, KeyCode::PageDown]);
    out.push(("long_event", long_event));
    // A puppet on its way: the warning line.
    let sc = builtin("default");
    let mut warned = App::new_game(Arc::clone(&sc), 2);
    let mut bot = cto_sim::policy::by_name("delegator", 2).unwrap();
    while warned.state().unwrap().tracking.puppet_streak < 3 {
        let d = bot.decide(warned.state().unwrap(), &sc);
        pm(&mut warned).draft = d;
        warned.end_week();
        warned.close_dialogs();
    }
    out.push(("warning", warned));
    // A VP: the reporting line read in full, the organisation panel focused on it.
    let mut with_vp = Scenario::builtin("default").unwrap();
    with_vp.start.vps = vec![ReportingLine::Ceo { forum: true }];
    with_vp.start.engineers = 30;
    with_vp.start.managers = 4;
    let mut vp_line = App::new_game(Arc::new(with_vp), 1);
    pm(&mut vp_line).panel = Panel::Org;
    pm(&mut vp_line).row = 3;
    out.push(("vp_line", vp_line));
    let mut help = App::new_game(builtin("default"), 1);
    press(&mut help, &[KeyCode::Char('?')]);
    out.push(("help", help));
    let mut quit = App::new_game(builtin("default"), 1);
    press(&mut quit, &[KeyCode::Char('q')]);
    out.push(("quit", quit));
    let mut confirm = App::new_game(builtin("tutorial"), 1);
    press(
        &mut confirm,
        &[KeyCode::Enter, KeyCode::Esc, KeyCode::Enter],
    );
    out.push(("confirm_end", confirm));
    let record =
        cto_sim::run::load(std::path::Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    let mut replay = App::replay(cto_sim::run::verify(&record, "golden").unwrap().recording);
    replay.seek(130);
    out.push(("replay", replay));
    let mut end = App::new_game(builtin("tutorial"), 2);
    play_to_the_end(&mut end);
    out.push(("end", end));
    out.into_iter().map(|(n, a)| (n, coloured(a))).collect()
}

/// The tutorial with its first event's text as long as the format allows
/// (2,000 characters), wide characters and emoji among them.
fn long_event_scenario() -> Arc<Scenario> {
    let mut long = Scenario::builtin("tutorial").unwrap();
    let words = "The board wants an answer before Friday: 製品 🙂 ";
    long.events[0].text = words
        .repeat(2000 / words.chars().count())
        .trim_end()
        .to_string();
    Arc::new(long)
}

/// Play `weeks` weeks with Enter, leaving events to the organisation.
fn play_weeks(app: &mut App, weeks: u32) {
    let target = app.state().unwrap().week + weeks;
    while app.state().unwrap().week < target && !at_end(app) {
        press(app, &[KeyCode::Enter]);
        match app.context() {
            Context::ConfirmEnd => press(app, &[KeyCode::Char('y')]),
            Context::Event => press(app, &[KeyCode::Esc]),
            _ => {}
        }
    }
}

fn play_to_the_end(app: &mut App) {
    for _ in 0..2000 {
        if at_end(app) {
            return;
        }
        // Enter plays the week, or picks the highlighted choice of an event.
        press(app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(app, &[KeyCode::Char('y')]);
        }
    }
    panic!("the run never ended");
}

#[test]
fn every_screen_at_three_sizes() {
    for (name, app) in screens() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&app, w, h));
        }
    }
}

#[test]
fn a_tiny_terminal_gets_a_too_small_screen() {
    isolate();
    let app = App::new_game(builtin("default"), 1);
    let shown = text(&app, 40, 10);
    assert!(shown.contains("Terminal too small"), "{shown}");
    assert!(shown.contains("40×10"), "{shown}");
    insta::assert_snapshot!("too_small_40x10", shown);
}

fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let row: String = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = row.find(needle) {
            let col = row[..i].chars().count() as u16;
            return Some((col, y));
        }
    }
    None
}

#[test]
fn colours_carry_meaning_healthy_influence_is_green_and_the_selected_row_reversed() {
    isolate();
    let app = coloured(App::new_game(builtin("default"), 1));
    let term = render(&app, 120, 40);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "Influence ").unwrap();
    let value = &buf[(x + 10, y)];
    assert_eq!(value.fg, Color::Green, "influence 86 is healthy");
    assert!(value.modifier.contains(Modifier::BOLD));
    let (x, y) = find(buf, "Strategy").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "focused row"
    );
}

#[test]
fn a_puppets_influence_and_authority_show_red() {
    isolate();
    let mut app = coloured(App::new_game(builtin("puppet_rescue"), 1));
    for _ in 0..3 {
        press(&mut app, &[KeyCode::Enter]);
        app.close_dialogs();
    }
    let term = render(&app, 120, 40);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "Authority ").unwrap();
    assert_eq!(buf[(x + 10, y)].fg, Color::Red, "{}", term.backend());
}

#[test]
fn no_color_turns_colour_off_but_keeps_emphasis() {
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    app.theme = Theme { color: false };
    let term = render(&app, 120, 40);
    let buf = term.backend().buffer();
    assert!(buf
        .content()
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    let (x, y) = find(buf, "Strategy").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_whole_game_through_the_key_handler() {
    isolate();
    let mut app = App::title();
    // Title -> New game -> the picker, seed 7, start the tutorial (second entry).
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Picker(_)));
    press(
        &mut app,
        &[KeyCode::Down, KeyCode::Char('7'), KeyCode::Enter],
    );
    assert!(matches!(app.screen, Screen::Week(_)));
    let game = p(&app).session.game();
    assert_eq!(
        game.scenario().name,
        Scenario::builtin("tutorial").unwrap().name
    );
    assert_eq!(game.seed(), 7);
    draft_the_first_week(&mut app);
    answer_the_welcome_and_play_week_two(&mut app);
    hire_a_vp_and_hand_them_over(&mut app);

    // Play on to an ending.
    play_to_the_end(&mut app);
    let s = app.state().unwrap();
    assert!(s.ending.is_some());
    assert_ne!(
        s.ending,
        Some(Ending::Ipo),
        "the tutorial is too short for an IPO"
    );
    // Enter on the end screen returns to the title; q then y quits.
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Title(_)));
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    press(&mut app, &[KeyCode::Char('n')]);
    assert!(!app.quit);
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(app.quit);
}

/// Allocate: strategy up twice (+10), then hours up, refactoring up; hire:
/// organisation panel, engineers wanted +2.
fn draft_the_first_week(app: &mut App) {
    let before = p(app).draft.attention;
    press(app, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(p(app).draft.attention.strategy, before.strategy + 10);
    assert_eq!(p(app).draft.attention.total(), 100);
    press(
        app,
        &[
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Right,
        ],
    );
    assert_eq!(p(app).draft.hours, 49);
    press(app, &[KeyCode::Down, KeyCode::Right]);
    assert_eq!(p(app).draft.refactor_pct, 20);
    press(app, &[KeyCode::Tab]);
    assert_eq!(p(app).panel, Panel::Org);
    press(app, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(p(app).draft.hiring.engineers, 5);
    // The panel says the positions need recruiting time; par gives it.
    assert!(
        text(app, 120, 40).contains("2 positions open, hiring 0%: par"),
        "{}",
        text(app, 120, 40)
    );
    press(app, &[KeyCode::Char('p')]);
    assert!(p(app).draft.attention.hiring > 0);
}

/// End the week: the welcome event opens; answer it with the second choice,
/// and the answer is played with week two.
fn answer_the_welcome_and_play_week_two(app: &mut App) {
    press(app, &[KeyCode::Enter]);
    assert_eq!(app.state().unwrap().week, 1);
    assert_eq!(app.context(), Context::Event);
    press(app, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(p(app).draft.answers.len(), 1);
    assert_eq!(p(app).draft.answers[0].choice, 1);
    press(app, &[KeyCode::Enter]);
    let s = app.state().unwrap();
    assert_eq!(s.week, 2);
    assert!(p(app)
        .session
        .log
        .iter()
        .any(|e| e.text.contains("you chose \"Got it: let me code\"")));
    assert!(
        s.people.in_pipeline() + s.people.ramping_total() > 0,
        "the hires are coming"
    );
}

/// Hire a VP, wait for the search, then hand the VP to the CEO with a forum:
/// it asks first, and says what it costs.
fn hire_a_vp_and_hand_them_over(app: &mut App) {
    press(app, &[KeyCode::Down, KeyCode::Down, KeyCode::Right]);
    assert_eq!(p(app).draft.hiring.vps, 1);
    let mut presses = 0;
    while app.state().unwrap().people.vps.is_empty() {
        press(app, &[KeyCode::Enter]);
        match app.context() {
            Context::ConfirmEnd => press(app, &[KeyCode::Char('y')]),
            Context::Event => press(app, &[KeyCode::Esc]),
            _ => {}
        }
        presses += 1;
        assert!(presses < 100, "the VP never arrived");
    }
    pm(app).panel = Panel::Org;
    pm(app).row = 3;
    press(app, &[KeyCode::Right]);
    assert_eq!(
        p(app).draft.vp_lines,
        vec![ReportingLine::Ceo { forum: true }]
    );
    press(app, &[KeyCode::Enter]);
    assert_eq!(dialog(app), Some(&Dialog::ConfirmHandover { vp: 0 }));
    press(app, &[KeyCode::Char('y')]);
    if app.context() == Context::ConfirmEnd {
        press(app, &[KeyCode::Char('y')]);
    }
    assert_eq!(
        app.state().unwrap().people.vps[0].line,
        ReportingLine::Ceo { forum: true }
    );
}

/// `q` asks to quit wherever the player is, in an event dialog too; "no"
/// goes back to the dialog as it was, "yes" quits.
#[test]
fn q_asks_to_quit_from_an_event_dialog_and_no_goes_back_to_it() {
    isolate();
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter, KeyCode::Down]);
    assert_eq!(app.context(), Context::Event);
    let open = dialog(&app).cloned();
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    assert!(text(&app, 120, 40).contains("Quit? (y/n)"));
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(
        dialog(&app).cloned(),
        open,
        "the dialog, its cursor unmoved"
    );
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(app.quit);
}

/// A run continued with an event waiting for an answer opens it, as the week
/// that brought it did: Enter answers it rather than asking to end the week.
#[test]
fn continuing_a_run_reopens_the_event_that_waits() {
    isolate();
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::Event, "the welcome event");
    let saved = p(&app).session.record().clone();
    let recording = cto_sim::run::verify(&saved, "save").unwrap().recording;
    let mut app = App::resume(recording, None);
    assert_eq!(app.context(), Context::Event, "the welcome waits");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(p(&app).draft.answers.len(), 1, "Enter answered it");
    assert_eq!(app.context(), Context::Week);
    assert_eq!(app.state().unwrap().week, 1, "nothing was played");
}

#[test]
fn unanswered_events_ask_before_the_week_ends_and_releases_are_ignored() {
    isolate();
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.context() == Context::Event);
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::ConfirmEnd);
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.state().unwrap().week, 1, "nothing was played");
    // A key release does nothing.
    let mut release = key(KeyCode::Enter);
    release.kind = KeyEventKind::Release;
    app.on_key(release);
    assert_eq!(app.context(), Context::Week);
    press(&mut app, &[KeyCode::Enter, KeyCode::Char('y')]);
    let s = app.state().unwrap();
    assert_eq!(s.week, 2);
    assert!(p(&app)
        .session
        .log
        .iter()
        .any(|e| e.text.contains("settled without you")));
}

#[test]
fn help_lists_every_key_of_the_screen_it_was_opened_from() {
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    press(&mut app, &[KeyCode::Char('?')]);
    let shown = text(&app, 120, 40);
    for b in cto_sim::ui::keymap::bindings(cto_sim::ui::keymap::Context::Week) {
        assert!(
            shown.contains(b.help),
            "help is missing `{}`:\n{shown}",
            b.help
        );
    }
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.context(), Context::Week);
}

fn all_states() -> Vec<App> {
    screens().into_iter().map(|(_, a)| a).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_screen_renders_at_any_size_without_a_panic(w in 0u16..=300, h in 0u16..=100) {
        for app in all_states() {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            (&app).render(Rect::new(0, 0, w, h), &mut buf);
        }
    }
}

/// What a screen shows depends only on the game and the terminal's size, not
/// on the sizes it was drawn at before: through a storm of resizes (the event
/// loop's `on_resize`, then a draw into the same terminal, which writes only
/// what changed), every screen ends up exactly as a copy of it that was never
/// drawn shows at the last size: nothing of an earlier frame is left behind.
#[test]
fn after_a_resize_storm_every_screen_looks_as_if_first_drawn_at_its_size() {
    let storm = [
        (200, 60),
        (80, 24),
        (7, 3),
        (0, 0),
        (300, 100),
        (79, 24),
        (120, 40),
    ];
    let (w, h) = storm[storm.len() - 1];
    let fresh = screens();
    for ((name, mut app), (_, first)) in screens().into_iter().zip(fresh) {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for (w, h) in storm {
            term.backend_mut().resize(w, h);
            app.on_resize(w, h);
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
        let mut first = first;
        first.on_resize(w, h);
        let once = render(&first, w, h);
        assert_eq!(
            term.backend().buffer(),
            once.backend().buffer(),
            "{name} after the storm"
        );
    }
}

/// A writer whose bytes the test can count while the backend owns it.
#[derive(Clone, Default)]
struct Counted(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Counted {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_unchanged_frame_writes_nothing_to_the_terminal() {
    use ratatui::backend::CrosstermBackend;
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    for _ in 0..10 {
        press(&mut app, &[KeyCode::Enter]);
        app.close_dialogs();
    }
    let out = Counted::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 200, 50)),
        },
    )
    .unwrap();
    let written = || out.0.borrow().len();
    let draw = |term: &mut Terminal<CrosstermBackend<Counted>>, app: &mut App| {
        cto_sim::ui::draw_if_dirty(term, app).unwrap()
    };
    assert!(draw(&mut term, &mut app), "the first frame is drawn");
    let first = written();
    assert!(
        first > 1000,
        "the first frame is drawn in full ({first} bytes)"
    );
    // Nothing happens, a key that means nothing here, a key release: no frame.
    assert!(!draw(&mut term, &mut app));
    press(&mut app, &[KeyCode::Char('z'), KeyCode::F(5)]);
    let mut release = key(KeyCode::Right);
    release.kind = KeyEventKind::Release;
    app.on_key(release);
    assert!(!draw(&mut term, &mut app));
    let unchanged = written() - first;
    println!("frame bytes: first {first}, unchanged {unchanged}");
    assert_eq!(unchanged, 0, "an unchanged frame wrote {unchanged} bytes");
    // One key that changes a few numbers writes a little, not a whole screen.
    press(&mut app, &[KeyCode::Right]);
    assert!(draw(&mut term, &mut app));
    let one_key = written() - first;
    println!("frame bytes after one key: {one_key}");
    assert!(
        one_key > 0 && one_key < first / 4,
        "{one_key} bytes for one change"
    );
}

/// Accepting the CEO's forum in an event dialog moves the VP to the forum, and
/// the week's decision (which still lists the old line, untouched by the
/// player) does not undo it.
#[test]
fn accepting_the_forum_in_an_event_keeps_the_forum() {
    let mut app = App::new_game(builtin("puppet_rescue"), 1);
    let scenario = Scenario::builtin("puppet_rescue").unwrap();
    let offer = scenario
        .events
        .iter()
        .position(|e| e.id == "ceo_offers_forum")
        .unwrap();
    let accept = scenario.events[offer]
        .choices
        .iter()
        .position(|c| c.label == "Accept the forum")
        .unwrap();
    let (index, cursor) =
        enter_until_event(&mut app, 30, |e| e == offer).expect("the CEO never offered the forum");
    assert_eq!(
        app.state().unwrap().people.vps[0].line,
        ReportingLine::Ceo { forum: false }
    );
    // Move the cursor to "Accept the forum" and answer; then play the week.
    for _ in 0..cursor.abs_diff(accept) {
        press(
            &mut app,
            &[if cursor > accept {
                KeyCode::Up
            } else {
                KeyCode::Down
            }],
        );
    }
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(p(&app).draft.answers.len(), 1);
    assert_eq!(p(&app).draft.answers[0].pending, index);
    assert_eq!(p(&app).draft.answers[0].choice, accept);
    while app.context() != Context::Week {
        press(&mut app, &[KeyCode::Esc]);
    }
    press(&mut app, &[KeyCode::Enter]);
    if app.context() == Context::ConfirmEnd {
        press(&mut app, &[KeyCode::Char('y')]);
    }
    let forum = ReportingLine::Ceo { forum: true };
    assert_eq!(app.state().unwrap().people.vps[0].line, forum);
    // And it stays: ten more weeks of plain Enter.
    for _ in 0..10 {
        press(&mut app, &[KeyCode::Enter]);
        match app.context() {
            Context::ConfirmEnd => press(&mut app, &[KeyCode::Char('y')]),
            Context::Event => press(&mut app, &[KeyCode::Esc]),
            _ => {}
        }
        if at_end(&app) {
            break;
        }
    }
    assert_eq!(app.state().unwrap().people.vps[0].line, forum);
}

/// The first draft is a week the engine accepts, even where the scenario allows
/// less refactoring than the draft usually proposes.
#[test]
fn the_first_draft_plays_in_a_scenario_with_tight_limits() {
    let text = std::fs::read_to_string("tests/scenarios/tight_limits.ron").unwrap();
    let scenario = cto_sim::scenario::load_str(&text, "tight")
        .unwrap()
        .scenario;
    let mut app = App::new_game(Arc::new(scenario), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.state().unwrap().week, 1, "{:?}", app.status);
}

/// The game's own screens show a hostile scenario's texts without a raw
/// control character or bidirectional override: the header, the event dialog
/// and the end screen.
#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    let text = std::fs::read_to_string("tests/scenarios/hostile_text.ron").unwrap();
    let scenario = cto_sim::scenario::load_str(&text, "evil").unwrap().scenario;
    let mut app = App::new_game(Arc::new(scenario), 1);
    let mut seen = Vec::new();
    for _ in 0..6 {
        seen.push(render(&app, 120, 40).backend().buffer().clone());
        if at_end(&app) {
            break;
        }
        press(&mut app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(&mut app, &[KeyCode::Char('y')]);
        }
    }
    seen.push(render(&app, 120, 40).backend().buffer().clone());
    assert!(at_end(&app), "the scenario's own win after 3 weeks");
    for buffer in &seen {
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "a raw {:?} on screen",
                cell.symbol()
            );
        }
    }
}

/// A dialog opens on the choice the organisation takes when nobody answers, so
/// a blind Enter is the same as leaving the event; on the "too small" screen
/// keys play nothing.
#[test]
fn no_blind_choices_and_no_play_on_a_tiny_terminal() {
    let mut app = App::new_game(builtin("default"), 1);
    let (index, cursor) =
        enter_until_event(&mut app, 200, |_| true).expect("no event in 200 weeks");
    let s = app.state().unwrap();
    let def = &Scenario::builtin("default").unwrap().events[s.pending[index].event];
    assert_eq!(cursor, def.default_choice, "{}", def.id);
    press(&mut app, &[KeyCode::Enter]);
    let answer = p(&app)
        .draft
        .answers
        .iter()
        .find(|a| a.pending == index)
        .unwrap();
    assert_eq!(answer.choice, def.default_choice);

    let mut tiny = App::new_game(builtin("default"), 1);
    tiny.on_resize(10, 5);
    press(
        &mut tiny,
        &[KeyCode::Enter, KeyCode::Enter, KeyCode::Right, KeyCode::Tab],
    );
    assert_eq!(tiny.state().unwrap().week, 0, "nothing was played");
    let fresh = App::new_game(builtin("default"), 1);
    assert_eq!(p(&tiny).draft, p(&fresh).draft);
    press(&mut tiny, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(tiny.quit, "quitting still works");
    tiny.on_resize(120, 40);
    let mut grown = App::new_game(builtin("default"), 1);
    grown.on_resize(120, 40);
    press(&mut grown, &[KeyCode::Enter]);
    assert_eq!(grown.state().unwrap().week, 1);
}

/// The terminal's size outlives a change of screen: in a game started from
/// the title, help at 80×24 still stops scrolling at its last line, so one ↑
/// after too many ↓ moves at once.
#[test]
fn a_game_started_from_the_title_still_knows_the_terminals_size() {
    isolate();
    let mut app = App::title();
    app.on_resize(80, 24);
    press(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Week(_)));
    press(&mut app, &[KeyCode::Char('?')]);
    for _ in 0..30 {
        press(&mut app, &[KeyCode::Down]);
    }
    let bottom = text(&app, 80, 24);
    press(&mut app, &[KeyCode::Up]);
    assert_ne!(text(&app, 80, 24), bottom);
}

/// The VP's reporting line is chosen from a list shown in full (no wrapping
/// round from "CEO" to "you"), and handing the VP to the CEO asks first, saying
/// what it costs; "no" plays nothing.
#[test]
fn the_vp_line_is_read_in_full_and_handing_it_over_is_deliberate() {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.start.vps = vec![ReportingLine::Cto];
    sc.start.engineers = 30;
    sc.start.managers = 4;
    let mut app = coloured(App::new_game(Arc::new(sc), 1));
    pm(&mut app).panel = Panel::Org;
    pm(&mut app).row = 3;
    let shown = text(&app, 80, 24);
    assert!(shown.contains("[you] CEO+forum  CEO"), "{shown}");
    // ← at "you" stays; → twice reaches "CEO"; → again stays there.
    press(&mut app, &[KeyCode::Left]);
    assert_eq!(p(&app).draft.vp_lines, vec![ReportingLine::Cto]);
    press(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    assert_eq!(
        p(&app).draft.vp_lines,
        vec![ReportingLine::Ceo { forum: false }]
    );
    assert!(text(&app, 80, 24).contains(" you  CEO+forum [CEO]"));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(dialog(&app), Some(&Dialog::ConfirmHandover { vp: 0 }));
    let asked = text(&app, 120, 40);
    assert!(asked.contains("Hand VP #1 to the CEO?"), "{asked}");
    assert!(asked.contains("CEO's call"), "{asked}");
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.state().unwrap().week, 0, "no week was played");
    assert_eq!(app.context(), Context::Week);
    // Back to "you": no question.
    press(&mut app, &[KeyCode::Left, KeyCode::Left, KeyCode::Enter]);
    if app.context() == Context::ConfirmEnd {
        press(&mut app, &[KeyCode::Char('y')]);
    }
    assert_eq!(app.state().unwrap().week, 1);
}

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
    assert!(goal.contains("ARR") && goal.contains("of $4.0M"), "{goal}");
    let default = text(&App::new_game(builtin("default"), 1), 80, 24);
    assert!(
        default.contains("Goal: IPO at $75.0M ARR, Series C+ · now $150k · next round $2.0M"),
        "{default}"
    );
    let mut picker = App::title();
    press(&mut picker, &[KeyCode::Enter]);
    let shown = text(&picker, 120, 40);
    assert!(
        shown.contains("Win: an IPO at $75.0M ARR from Series C"),
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

/// Keys meant for the week screen do nothing outside a dialog while it is
/// open: the draft, the panel and the tab stay as they were.
#[test]
fn keys_of_other_panels_never_reach_past_a_dialog() {
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::Event);
    let (draft, panel, row, tab) = {
        let p = p(&app);
        (p.draft.clone(), p.panel, p.row, p.tab)
    };
    press(
        &mut app,
        &[
            KeyCode::Char('l'),
            KeyCode::Char('h'),
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Char('v'),
            KeyCode::Char('p'),
            KeyCode::Char('L'),
            KeyCode::Char('+'),
        ],
    );
    assert!(app.context() == Context::Event, "still the dialog");
    let p = p(&app);
    assert_eq!(
        (p.draft.clone(), p.panel, p.row, p.tab),
        (draft, panel, row, tab)
    );
    assert_eq!(app.state().unwrap().week, 1);
}

/// Press Enter week after week (confirming past unanswered events) until a
/// dialog opens on a deck event `wanted` accepts; other dialogs are closed.
/// The dialog's pending index and cursor, or `None` after `weeks` weeks.
fn enter_until_event(
    app: &mut App,
    weeks: u32,
    wanted: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    for _ in 0..weeks {
        press(app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(app, &[KeyCode::Char('y')]);
        }
        if let Some(Dialog::Event(event)) = dialog(app) {
            let (index, cursor) = (event.index, event.cursor);
            if wanted(app.state().unwrap().pending[index].event) {
                return Some((index, cursor));
            }
            press(app, &[KeyCode::Esc]);
        }
    }
    None
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
        .replace("value: 8000000.0)", "value: 1000000.0)");
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
        goal.contains("engineers 12/24") && goal.contains("ARR $3.0M/$8.0M (8 wk)"),
        "{goal}"
    );
    let wide = text(&app, 200, 50);
    let goal = wide.lines().nth(2).unwrap();
    assert!(
        goal.contains("Goal: engineers 12 of 24")
            && goal.contains("ARR $3.0M of $8.0M for 8 weeks"),
        "{goal}"
    );
}
