//! Every key the game understands, in one table. Key handling, the help screen
//! and the hint bar are all generated from it, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the player is; decides which bindings apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Title,
    Picker,
    Week,
    Event,
    Help,
    /// The news log over the screen.
    Log,
    Quit,
    ConfirmEnd,
    End,
    Replay,
    /// The run history (the title's Replays).
    Runs,
    /// The coach's advice over the week screen.
    Coach,
}

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    BigLeft,
    BigRight,
    NextPanel,
    PrevPanel,
    NextTab,
    Select,
    EndWeek,
    Par,
    OpenEvent,
    /// Open the coach: what the reference CTO would decide this week.
    Coach,
    /// Apply the coach's advice to the draft.
    Apply,
    Help,
    Quit,
    Yes,
    No,
    Back,
    Digit(u8),
    Erase,
    PlayPause,
    Faster,
    Slower,
    First,
    Last,
    NextMark,
    PrevMark,
    Jump,
    Fork,
    /// Continue the run under the cursor.
    Resume,
    /// Write the story of the run under the cursor.
    Report,
    /// Scroll a long text up or down.
    ScrollUp,
    ScrollDown,
    /// Open (or close) the news log.
    Log,
}

/// One binding: the keys, where it applies, and what the help says.
pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the keys are shown.
    pub label: &'static str,
    pub action: Action,
    pub contexts: &'static [Context],
    pub help: &'static str,
    /// Its few words in the hint bar ("" = only in help).
    pub hint: &'static str,
}

use Context as C;
use KeyCode as K;

const DIGITS: &[KeyCode] = &[
    K::Char('0'),
    K::Char('1'),
    K::Char('2'),
    K::Char('3'),
    K::Char('4'),
    K::Char('5'),
    K::Char('6'),
    K::Char('7'),
    K::Char('8'),
    K::Char('9'),
];

const NAV: &[Context] = &[C::Title, C::Picker, C::Week, C::Event, C::Runs];

/// The table. Order matters only for display.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[K::Char(' ')],
        label: "Space",
        action: Action::PlayPause,
        contexts: &[C::Replay],
        help: "play or pause",
        hint: "play",
    },
    Binding {
        keys: &[K::Left, K::Char('h')],
        label: "←/h",
        action: Action::Left,
        contexts: &[C::Replay],
        help: "back a week",
        hint: "week",
    },
    Binding {
        keys: &[K::Right, K::Char('l')],
        label: "→/l",
        action: Action::Right,
        contexts: &[C::Replay],
        help: "forward a week",
        hint: "",
    },
    Binding {
        keys: &[K::PageUp, K::Char('H')],
        label: "PgUp/H",
        action: Action::BigLeft,
        contexts: &[C::Replay],
        help: "back a quarter (13 weeks)",
        hint: "",
    },
    Binding {
        keys: &[K::PageDown, K::Char('L')],
        label: "PgDn/L",
        action: Action::BigRight,
        contexts: &[C::Replay],
        help: "forward a quarter",
        hint: "",
    },
    Binding {
        keys: &[K::Home],
        label: "Home",
        action: Action::First,
        contexts: &[C::Replay, C::Log],
        help: "the start",
        hint: "",
    },
    Binding {
        keys: &[K::End],
        label: "End",
        action: Action::Last,
        contexts: &[C::Replay, C::Log],
        help: "the end",
        hint: "",
    },
    Binding {
        keys: &[K::Char('n')],
        label: "n",
        action: Action::NextMark,
        contexts: &[C::Replay],
        help: "next notable moment (stage, event, influence move, ending)",
        hint: "next",
    },
    Binding {
        keys: &[K::Char('N')],
        label: "N",
        action: Action::PrevMark,
        contexts: &[C::Replay],
        help: "previous notable moment",
        hint: "",
    },
    Binding {
        keys: &[K::Char('+'), K::Char(']')],
        label: "+/]",
        action: Action::Faster,
        contexts: &[C::Replay],
        help: "faster (up to 64×, then instant)",
        hint: "faster",
    },
    Binding {
        keys: &[K::Char('-'), K::Char('[')],
        label: "-/[",
        action: Action::Slower,
        contexts: &[C::Replay],
        help: "slower (down to ¼×)",
        hint: "slower",
    },
    Binding {
        keys: &[K::Char('g')],
        label: "g",
        action: Action::Jump,
        contexts: &[C::Replay],
        help: "jump to a week: type it, then Enter",
        hint: "jump",
    },
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        action: Action::Select,
        contexts: &[C::Replay],
        help: "confirm the jump",
        hint: "",
    },
    Binding {
        keys: DIGITS,
        label: "0-9",
        action: Action::Digit(0),
        contexts: &[C::Replay],
        help: "the week to jump to",
        hint: "",
    },
    Binding {
        keys: &[K::Backspace],
        label: "Bksp",
        action: Action::Erase,
        contexts: &[C::Replay],
        help: "erase a digit of the week",
        hint: "",
    },
    Binding {
        keys: &[K::Char('f')],
        label: "f",
        action: Action::Fork,
        contexts: &[C::Replay],
        help: "fork: take over as the player from this week (a new run)",
        hint: "fork",
    },
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        action: Action::EndWeek,
        contexts: &[C::Week],
        help: "end the week (asks first if an event is unanswered)",
        hint: "end week",
    },
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        action: Action::Select,
        contexts: &[C::Title, C::Picker, C::Event],
        help: "choose",
        hint: "choose",
    },
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        action: Action::Select,
        contexts: &[C::End],
        help: "back to the title screen",
        hint: "title",
    },
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        action: Action::Select,
        contexts: &[C::Runs],
        help: "watch the run (replay)",
        hint: "replay",
    },
    Binding {
        keys: &[K::Char('c')],
        label: "c",
        action: Action::Resume,
        contexts: &[C::Runs],
        help: "continue the run (if it has not ended)",
        hint: "continue",
    },
    Binding {
        keys: &[K::PageUp],
        label: "PgUp",
        action: Action::ScrollUp,
        contexts: &[C::Event],
        help: "scroll the event's text up",
        hint: "",
    },
    Binding {
        keys: &[K::PageDown],
        label: "PgDn",
        action: Action::ScrollDown,
        contexts: &[C::Event],
        help: "scroll the event's text down",
        hint: "",
    },
    Binding {
        keys: &[K::Up, K::Char('k'), K::PageUp],
        label: "↑/k",
        action: Action::ScrollUp,
        contexts: &[C::End, C::Log, C::Coach],
        help: "scroll up",
        hint: "",
    },
    Binding {
        keys: &[K::Down, K::Char('j'), K::PageDown],
        label: "↓/j",
        action: Action::ScrollDown,
        contexts: &[C::End, C::Log, C::Coach],
        help: "scroll down (the title shows ↑↓ when the text does not all fit)",
        // The title shows ↑↓ when the text does not all fit.
        hint: "",
    },
    Binding {
        keys: &[K::Up, K::Char('k')],
        label: "↑/k",
        action: Action::ScrollUp,
        contexts: &[C::Help],
        help: "scroll up",
        hint: "",
    },
    Binding {
        keys: &[K::Down, K::Char('j')],
        label: "↓/j",
        action: Action::ScrollDown,
        contexts: &[C::Help],
        help: "scroll down",
        hint: "",
    },
    Binding {
        keys: &[K::PageUp],
        label: "PgUp",
        action: Action::BigLeft,
        contexts: &[C::Help],
        help: "a page up",
        hint: "",
    },
    Binding {
        keys: &[K::PageDown],
        label: "PgDn",
        action: Action::BigRight,
        contexts: &[C::Help],
        help: "a page down",
        hint: "",
    },
    Binding {
        keys: &[K::Tab, K::Right, K::Char('l')],
        label: "Tab/→",
        action: Action::NextPanel,
        contexts: &[C::Help],
        help: "the next section (Keys, then How it works: every figure of the week screen)",
        hint: "",
    },
    Binding {
        keys: &[K::BackTab, K::Left, K::Char('h')],
        label: "S-Tab/←",
        action: Action::PrevPanel,
        contexts: &[C::Help],
        help: "the section before",
        hint: "",
    },
    Binding {
        keys: &[K::Char('r')],
        label: "r",
        action: Action::Report,
        contexts: &[C::Runs],
        help: "write the run's story as Markdown beside its file",
        hint: "report",
    },
    Binding {
        keys: &[K::Up, K::Char('k')],
        label: "↑/k",
        action: Action::Up,
        contexts: NAV,
        help: "move up",
        hint: "",
    },
    Binding {
        keys: &[K::Down, K::Char('j')],
        label: "↓/j",
        action: Action::Down,
        contexts: NAV,
        help: "move down",
        hint: "",
    },
    Binding {
        keys: &[K::Left, K::Char('h'), K::Char('-')],
        label: "←/h",
        action: Action::Left,
        contexts: &[C::Week],
        help: "less (attention −5%, hours −1, targets −1)",
        hint: "less",
    },
    Binding {
        keys: &[K::Right, K::Char('l'), K::Char('+')],
        label: "→/l",
        action: Action::Right,
        contexts: &[C::Week],
        help: "more (attention +5%, hours +1, targets +1)",
        hint: "more",
    },
    Binding {
        keys: &[K::Char('H')],
        label: "H",
        action: Action::BigLeft,
        contexts: &[C::Week],
        help: "much less (attention −20%, hours −5, targets −4, VPs −1)",
        hint: "",
    },
    Binding {
        keys: &[K::Char('L')],
        label: "L",
        action: Action::BigRight,
        contexts: &[C::Week],
        help: "much more (attention +20%, hours +5, targets +4, VPs +1)",
        hint: "",
    },
    Binding {
        keys: &[K::Tab],
        label: "Tab",
        action: Action::NextPanel,
        contexts: &[C::Week],
        help: "next panel (attention, organisation)",
        hint: "panel",
    },
    Binding {
        keys: &[K::BackTab],
        label: "S-Tab",
        action: Action::PrevPanel,
        contexts: &[C::Week],
        help: "previous panel",
        hint: "",
    },
    Binding {
        keys: &[K::Char('v')],
        label: "v",
        action: Action::NextTab,
        contexts: &[C::Week],
        help: "next view: why, charts, news",
        hint: "view",
    },
    Binding {
        keys: &[K::PageUp],
        label: "PgUp",
        action: Action::ScrollUp,
        contexts: &[C::Week],
        help: "scroll the Why panel up",
        hint: "",
    },
    Binding {
        keys: &[K::PageDown],
        label: "PgDn",
        action: Action::ScrollDown,
        contexts: &[C::Week],
        help: "scroll the Why panel down",
        hint: "",
    },
    Binding {
        keys: &[K::Char('p')],
        label: "p",
        action: Action::Par,
        contexts: &[C::Week],
        help: "set attention to the stage's par",
        hint: "par",
    },
    Binding {
        keys: &[K::Char('e')],
        label: "e",
        action: Action::OpenEvent,
        contexts: &[C::Week],
        help: "answer the pending events",
        hint: "events",
    },
    Binding {
        keys: &[K::Char('a')],
        label: "a",
        action: Action::Coach,
        contexts: &[C::Week, C::Event],
        help: "ask the coach: what the reference CTO would do, and why",
        hint: "coach",
    },
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        action: Action::Apply,
        contexts: &[C::Coach],
        help: "apply the advice to your draft (you can still change anything)",
        hint: "apply",
    },
    Binding {
        keys: DIGITS,
        label: "0-9",
        action: Action::Digit(0),
        contexts: &[C::Picker],
        help: "type a seed",
        hint: "seed",
    },
    Binding {
        keys: &[K::Backspace],
        label: "Bksp",
        action: Action::Erase,
        contexts: &[C::Picker],
        help: "erase a digit of the seed",
        hint: "",
    },
    Binding {
        keys: &[K::Char('y')],
        label: "y",
        action: Action::Yes,
        contexts: &[C::Quit, C::ConfirmEnd],
        help: "yes",
        hint: "yes",
    },
    Binding {
        keys: &[K::Char('n'), K::Esc],
        label: "n/Esc",
        action: Action::No,
        contexts: &[C::Quit, C::ConfirmEnd],
        help: "no",
        hint: "no",
    },
    Binding {
        keys: &[K::Esc],
        label: "Esc",
        action: Action::Back,
        contexts: &[C::Picker, C::Event, C::Help, C::Log, C::Runs, C::Coach],
        help: "close / back",
        hint: "back",
    },
    Binding {
        keys: &[K::Char('m')],
        label: "m",
        action: Action::Log,
        contexts: &[C::Week, C::End, C::Replay, C::Log],
        help: "the news log: every line of the run, with its week",
        hint: "log",
    },
    Binding {
        keys: &[K::Char('?')],
        label: "?",
        action: Action::Help,
        contexts: &[
            C::Replay,
            C::Title,
            C::Picker,
            C::Week,
            C::Event,
            C::End,
            C::Help,
            C::Runs,
            C::Coach,
        ],
        help: "help: the keys for this screen, then how it works",
        hint: "help",
    },
    Binding {
        keys: &[K::Char('q')],
        label: "q",
        action: Action::Quit,
        contexts: &[
            C::Replay,
            C::Title,
            C::Picker,
            C::Week,
            C::Event,
            C::End,
            C::Runs,
            C::Coach,
        ],
        help: "quit (asks first)",
        hint: "quit",
    },
    Binding {
        keys: &[K::Char('q')],
        label: "q",
        action: Action::Back,
        contexts: &[C::Help, C::Log],
        help: "close",
        hint: "",
    },
];

/// The action `key` asks for in `ctx`, if any.
pub fn action_for(ctx: Context, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        // Ctrl-C always asks to quit, wherever the player is.
        return (key.code == K::Char('c')).then_some(Action::Quit);
    }
    for b in BINDINGS {
        if b.contexts.contains(&ctx) && b.keys.contains(&key.code) {
            if let (Action::Digit(_), K::Char(c)) = (b.action, key.code) {
                return c.to_digit(10).map(|d| Action::Digit(d as u8));
            }
            return Some(b.action);
        }
    }
    None
}

/// The bindings that apply in `ctx`, for help.
pub fn bindings(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.contexts.contains(&ctx))
}

#[cfg(test)]
mod tests;
