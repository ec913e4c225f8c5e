//! What the CEO refuses is said: a reporting line asked for while the CEO
//! will not discuss it (after a refusal) shows on the status line when it is
//! asked for and again when the week is played, never silently dropped.

use crate::common::quiet_scenario;

use cto_sim::engine::ReportingLine;
use cto_sim::ui::keymap::Action;
use cto_sim::ui::App;

#[test]
fn a_forum_asked_for_after_a_refusal_is_refused_out_loud() {
    let forum = ReportingLine::Ceo { forum: true };
    let scenario = quiet_scenario(|s| {
        s.start.vps = vec![ReportingLine::Cto];
        s.start.referent = Some(0.0);
        s.start.credits = 0.0;
    });
    let mut app = App::new_game(scenario, 1);
    app.close_dialogs();
    // The VP's row: the organisation panel's fourth.
    app.act(Action::NextPanel);
    for _ in 0..3 {
        app.act(Action::Down);
    }
    let mut refused_at = None;
    for week in 1..=20 {
        app.act(Action::Right);
        let asked = app.status.clone().unwrap_or_default();
        app.end_week();
        app.close_dialogs();
        let played = app.status.clone().unwrap_or_default();
        let s = app.state().unwrap();
        if s.people.vps[0].line == forum {
            break;
        }
        match refused_at {
            None => {
                // The first refusal is news; the request is heard again later.
                assert!(!played.contains("keeps the line"), "{played}");
                refused_at = Some(week);
            }
            Some(_) => {
                let until = s.people.vps[0].refused_until;
                assert!(asked.contains("will not discuss VP #1"), "{asked}");
                assert!(played.contains("VP #1 keeps the line"), "{played}");
                assert!(asked.contains(&format!("before week {until}")), "{asked}");
            }
        }
        if refused_at.is_some_and(|r| week > r + 2) {
            return;
        }
    }
    panic!("the CEO refused the forum and the refusal was said: {refused_at:?}");
}
