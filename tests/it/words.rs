//! The game's words: one of anything reads in the singular ("1 engineer",
//! "a VP in 1 week"), on the screen and in the run's story.

use std::sync::Arc;

use cto_sim::engine::{ReportingLine, Scenario};
use cto_sim::ui::app::App;
use cto_sim::ui::screens::Screen;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn text(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().to_string()
}

/// A company of one engineer, one manager and a VP, searching for another
/// VP: the org chart counts each in the singular, down to the search's last
/// week.
#[test]
fn one_of_anything_reads_in_the_singular_on_the_week_screen() {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.events.clear();
    sc.start.engineers = 1;
    sc.start.managers = 1;
    sc.start.vps = vec![ReportingLine::Cto];
    let mut app = App::new_game(Arc::new(sc), 1);
    let mut seen = false;
    for _ in 0..20 {
        if let Screen::Week(week) = &mut app.screen {
            week.draft.hiring.vps = 2;
            week.draft.hiring.engineers = 1;
            week.draft.hiring.managers = 1;
        }
        app.end_week();
        app.close_dialogs();
        let s = app.state().unwrap();
        if s.people.vp_search == Some(1) && s.people.engineers() == 1 && s.people.managers == 1 {
            seen = true;
            break;
        }
    }
    assert!(
        seen,
        "the search never reached its last week with the team intact"
    );
    let shown = text(&app, 120, 40);
    assert!(shown.contains("a VP in 1 week"), "{shown}");
    assert!(shown.contains("└─ 1 manager, 1 engineer"), "{shown}");
    for wrong in ["1 weeks", "1 engineers", "1 managers", "1 offers"] {
        assert!(!shown.contains(wrong), "`{wrong}`:\n{shown}");
    }
}

/// The player has no bet control: the news of a technology bet says it is
/// the one decided every 6 weeks and how strategy time put the player in the
/// room or not, never "a bet you made".
#[test]
fn a_technology_bets_news_says_strategy_time_decides_it() {
    use cto_sim::engine::{Game, News};
    let scenario = Arc::new(Scenario::builtin("default").unwrap());
    let game = Game::new(Arc::clone(&scenario), 1);
    for (with_cto, overridden) in [(true, false), (false, true), (false, false)] {
        for won in [true, false] {
            let bet = News::Bet {
                with_cto,
                overridden,
                won,
            };
            let line = cto_sim::ui::news::news_line(&bet, game.state(), &scenario);
            assert!(line.contains("every 6 weeks"), "{line}");
            assert!(line.contains("in the room"), "{line}");
            assert!(!line.contains("you made"), "{line}");
            assert!(line.ends_with(if won { "paid off." } else { "failed." }));
        }
    }
}
