//! The event deck: ids, texts and placeholders, when events fire, and their
//! choices and effects.

use super::{is_snake_case, Checker, MAX_CHOICES, MAX_EVENTS, MAX_LIST, MAX_NAME, MAX_TEXT};
use crate::engine::events::{placeholders, Effect, EventDef, Metric, Tunable, MAX_DEADLINE_WEEKS};
use crate::engine::Scenario;
use crate::scenario::suggest;

/// What every event's checks need to know about the deck.
struct Deck<'a> {
    ids: Vec<&'a str>,
    metric_names: Vec<&'static str>,
    writable: Vec<&'static str>,
}

impl Checker<'_> {
    pub(super) fn events(&mut self, sc: &Scenario) {
        if sc.events.len() > MAX_EVENTS {
            self.error(
                "events",
                format!("{} events; at most {MAX_EVENTS}", sc.events.len()),
            );
            return;
        }
        let deck = Deck {
            ids: sc.events.iter().map(|e| e.id.as_str()).collect(),
            metric_names: Metric::ALL.iter().map(|m| m.name()).collect(),
            writable: Metric::ALL
                .iter()
                .filter(|m| m.is_writable())
                .map(|m| m.name())
                .collect(),
        };
        let mut followed = vec![false; sc.events.len()];
        for (i, ev) in sc.events.iter().enumerate() {
            let path = format!("events[{i}]");
            self.event_text(&path, i, ev, &deck);
            self.event_timing(&path, ev, sc.horizon_weeks);
            self.choices(&path, ev, &deck, &mut followed);
        }
        for (i, ev) in sc.events.iter().enumerate() {
            if ev.follow_up_only && !followed[i] {
                self.warning(
                    format!("events[{i}].follow_up_only"),
                    "no choice follows up with this event, so it never fires",
                );
            }
        }
    }

    /// The event's id, title, text and placeholders.
    fn event_text(&mut self, path: &str, i: usize, ev: &EventDef, deck: &Deck) {
        if !is_snake_case(&ev.id) {
            self.error(
                format!("{path}.id"),
                format!("`{}` is not a snake_case identifier", ev.id),
            );
        }
        if deck.ids[..i].contains(&ev.id.as_str()) {
            self.error(
                format!("{path}.id"),
                format!("the id `{}` is used twice", ev.id),
            );
        }
        self.text(&format!("{path}.title"), &ev.title, MAX_NAME, true);
        self.text(&format!("{path}.text"), &ev.text, MAX_TEXT, true);
        for name in placeholders(&ev.text) {
            if !deck.metric_names.contains(&name) {
                self.error_hint(
                    format!("{path}.text"),
                    format!("unknown placeholder `{{{name}}}`"),
                    suggest::hint(name, &deck.metric_names),
                );
            }
        }
    }

    /// When the event fires: its chance, cooldown and conditions.
    fn event_timing(&mut self, path: &str, ev: &EventDef, horizon: u32) {
        self.num(&format!("{path}.chance"), ev.chance, 0.0, 1.0);
        if ev.chance == 0.0 && !ev.follow_up_only {
            self.warning(
                format!("{path}.chance"),
                "a chance of 0 means the event never fires on its own",
            );
        }
        self.int(
            &format!("{path}.cooldown_weeks"),
            u64::from(ev.cooldown_weeks),
            0,
            1040,
        );
        if ev.when.len() > MAX_LIST {
            self.error(
                format!("{path}.when"),
                format!("at most {MAX_LIST} conditions"),
            );
        }
        for (j, c) in ev.when.iter().enumerate() {
            self.condition(
                &format!("{path}.when[{j}]"),
                c,
                Some("an event's conditions take no spread: only a scenario's own loss endings draw a threshold for each run"),
            );
        }
        self.ignored_timing(path, ev);
        if !ev.follow_up_only && !Self::satisfiable(&ev.when, horizon) {
            self.warning(
                format!("{path}.when"),
                "these conditions can never all hold: the event never fires",
            );
        }
    }

    /// Timing fields the engine does not read for this event: a follow-up
    /// fires when it is due, whatever its chance, conditions, `once` and
    /// cooldown; a `once` event never waits out a cooldown.
    fn ignored_timing(&mut self, path: &str, ev: &EventDef) {
        if ev.follow_up_only {
            let ignored = [
                ("chance", ev.chance != 1.0),
                ("when", !ev.when.is_empty()),
                ("once", ev.once),
                ("cooldown_weeks", ev.cooldown_weeks > 0),
            ];
            for (field, _) in ignored.iter().filter(|(_, given)| *given) {
                self.warning(
                    format!("{path}.{field}"),
                    format!("`{field}` is ignored: a `follow_up_only` event fires whenever a follow-up is due"),
                );
            }
        } else if ev.once && ev.cooldown_weeks > 0 {
            self.warning(
                format!("{path}.cooldown_weeks"),
                "a `once` event fires at most once, so its cooldown never matters",
            );
        }
    }

    /// The event's choices and their effects.
    fn choices(&mut self, path: &str, ev: &EventDef, deck: &Deck, followed: &mut [bool]) {
        if ev.choices.is_empty() {
            self.error(
                format!("{path}.choices"),
                "an event needs at least one choice",
            );
        }
        if ev.choices.len() > MAX_CHOICES {
            self.error(
                format!("{path}.choices"),
                format!("at most {MAX_CHOICES} choices"),
            );
        }
        if !ev.choices.is_empty() && ev.default_choice >= ev.choices.len() {
            self.error(
                format!("{path}.default_choice"),
                format!(
                    "there is no choice {} (choices are numbered from 0 to {})",
                    ev.default_choice,
                    ev.choices.len() - 1
                ),
            );
        }
        for (j, ch) in ev.choices.iter().enumerate().take(MAX_CHOICES) {
            let cpath = format!("{path}.choices[{j}]");
            self.text(&format!("{cpath}.label"), &ch.label, MAX_NAME, true);
            if let Some(k) = ev.choices[..j].iter().position(|c| c.label == ch.label) {
                self.warning(
                    format!("{cpath}.label"),
                    format!("the same label as choices[{k}]: the player cannot tell the two apart"),
                );
            }
            if ch.effects.is_empty() {
                self.error_hint(
                    format!("{cpath}.effects"),
                    "a choice without effect",
                    "give every choice at least one effect, e.g. `Change(metric: morale, by: 0.02)`".into(),
                );
            }
            if ch.effects.len() > MAX_LIST {
                self.error(
                    format!("{cpath}.effects"),
                    format!("at most {MAX_LIST} effects"),
                );
            }
            for (k, eff) in ch.effects.iter().enumerate().take(MAX_LIST) {
                let epath = format!("{cpath}.effects[{k}]");
                self.effect(&epath, eff, deck, followed);
            }
        }
    }

    fn effect(&mut self, path: &str, eff: &Effect, deck: &Deck, followed: &mut [bool]) {
        let change = |c: &mut Self, metric: Metric, by: f64| {
            if !metric.is_writable() {
                c.error_hint(
                    format!("{path}.metric"),
                    format!(
                        "`{}` can be read in conditions but not changed",
                        metric.name()
                    ),
                    format!("an effect can change: {}", deck.writable.join(", ")),
                );
            }
            let limit = match metric.range() {
                (0.0, 1.0) => 1.0,
                _ if metric == Metric::Engineers => 500.0,
                _ => 1e10,
            };
            c.num(&format!("{path}.by"), by, -limit, limit);
        };
        match eff {
            Effect::Change { metric, by } => change(self, *metric, *by),
            Effect::Spread { metric, by, weeks } => {
                change(self, *metric, *by);
                self.int(&format!("{path}.weeks"), u64::from(*weeks), 1, 520);
            }
            Effect::VpLine(_) => {}
            Effect::Tune { param, by } => {
                let limit = param.max_shift();
                self.num(&format!("{path}.by"), *by, -limit, limit);
                let _: Tunable = *param;
            }
            Effect::FollowUp { event, weeks } => {
                match deck.ids.iter().position(|id| id == event) {
                    Some(i) => followed[i] = true,
                    None => self.error_hint(
                        format!("{path}.event"),
                        format!("there is no event with id `{event}`"),
                        suggest::hint(event, &deck.ids),
                    ),
                }
                self.int(&format!("{path}.weeks"), u64::from(*weeks), 1, 520);
            }
            Effect::Promote(n) if !(1..=100).contains(n) => self.error_hint(
                path.to_string(),
                format!("Promote({n}) does not promote 1 to 100 engineers"),
                "give how many engineers to promote, e.g. `Promote(1)`".into(),
            ),
            Effect::Target { by, .. } => {
                if *by == 0 || by.unsigned_abs() > 1000 {
                    self.error_hint(
                        format!("{path}.by"),
                        format!("{by} does not move the target"),
                        "give a whole number from -1000 to 1000 other than 0, e.g. `Target(position: engineer, by: 3)`".into(),
                    );
                }
            }
            Effect::Deadline {
                hours,
                weeks,
                met,
                missed,
                ..
            } => self.deadline(path, (*hours, *weeks), (met, missed), deck, followed),
            Effect::Promote(_) | Effect::HireVp | Effect::Leave(_) => {}
        }
    }

    /// A deadline: hours and weeks in range, and what follows it, which may
    /// not hold a deadline of its own.
    fn deadline(
        &mut self,
        path: &str,
        (hours, weeks): (f64, u32),
        (met, missed): (&[Effect], &[Effect]),
        deck: &Deck,
        followed: &mut [bool],
    ) {
        self.num(&format!("{path}.hours"), hours, 1.0, 2000.0);
        let most = u64::from(MAX_DEADLINE_WEEKS);
        self.int(&format!("{path}.weeks"), u64::from(weeks), 1, most);
        if met.is_empty() && missed.is_empty() {
            self.error_hint(
                path.to_string(),
                "a deadline with nothing at stake",
                "give it `met: [...]` or `missed: [...]` effects, e.g. `missed: [Change(metric: fit, by: -0.03)]`".into(),
            );
        }
        for (name, list) in [("met", met), ("missed", missed)] {
            if list.len() > MAX_LIST {
                self.error(
                    format!("{path}.{name}"),
                    format!("at most {MAX_LIST} effects"),
                );
            }
            for (k, eff) in list.iter().enumerate().take(MAX_LIST) {
                let epath = format!("{path}.{name}[{k}]");
                if matches!(eff, Effect::Deadline { .. }) {
                    self.error_hint(
                        epath,
                        "a deadline inside a deadline",
                        "start the second deadline from an event: `FollowUp(event: \"...\", weeks: 1)`".into(),
                    );
                } else {
                    self.effect(&epath, eff, deck, followed);
                }
            }
        }
    }
}
