"""The coaching rules as data: id, title, severity, advice line, reasoning and sources.

The ids are the stable ones from docs/coaching.md (A1-A6 for advice tied to the
exercise's tier, W1-W8 for warnings that look at effort, history, soreness and volume).
The conditions that decide when a rule fires live in ``bot.domain.advice.checks`` and
are run by ``bot.domain.advice.engine``; this module only holds what the bot says and why.

Severity per rule, and why:

- ``warning`` (recovery is at stake right now): W1 too many failure sets this week,
  W2 failure on the same lift or main muscle again within two days, W4 a body part sore for 5+ days,
  W6 weekly hard sets past the usual 10-20 range.
- ``caution`` (a better way to train this lift): A1, A2, A3, A4, A6, W3, W5, W7, W8.
- ``praise``: A5, heavy sets kept short of failure.

Every text is written for this project; sources are cited by name (article section,
or first author and year) so a lifter can look them up. A text says only what its
source found: where a point is the article's opinion, or the project's own choice,
the text says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bot.domain.models import Severity

ARTICLE_INTRO = "Article: introduction (heavy 4-6RM loads)"
ARTICLE_PROS = "Article: 'Pros of Training to Failure'"
ARTICLE_CONS = "Article: 'Cons of Training to Failure'"
ARTICLE_DECISION = "Article: 'Train to Failure or Not?'"
ARTICLE_COMMENTS = "Article: reader comments"


@dataclass(frozen=True)
class Rule:
    """One coaching rule: what the bot says when it fires, and why."""

    rule_id: str
    title: str
    severity: Severity
    summary: str
    reasoning: str
    sources: tuple[str, ...]


_ALL: tuple[Rule, ...] = (
    Rule(
        rule_id="A1",
        title="Stop short on heavy compounds",
        severity="caution",
        summary=(
            "Keep this lift short of failure: end each set with 1-3 reps in reserve, "
            "or as soon as your form or bar speed starts to break down."
        ),
        reasoning=(
            "The article counts squat and deadlift variants, Olympic lifts and similar "
            "full-body lifts as the most demanding on the nervous system, and puts them "
            "in the group to stop short of failure. Pareja-Blanco 2017 compared squat "
            "sets cut off at a 20% loss of bar speed with sets run on to a 40% loss: "
            "strength rose about as much with roughly 40% fewer reps and jumps improved "
            "more, while the longer sets grew the quadriceps more. So the last slow reps "
            "buy some growth but little strength, and on a heavy barbell lift they are "
            "the costly ones: form tends to slip first, and after failure bar speed "
            "took 24-48 hours longer to return (Morán-Navarro 2017). Ending the set with "
            "a rep or two left keeps that fatigue out of the next sessions."
        ),
        sources=(ARTICLE_DECISION, "Pareja-Blanco et al. 2017", "Morán-Navarro et al. 2017"),
    ),
    Rule(
        rule_id="A2",
        title="No past-failure tricks on free-weight compounds",
        severity="caution",
        summary=(
            "Keep drop sets, forced reps, rest-pause and other past-failure techniques "
            "for machines and isolation work, not for barbell or free-weight compounds."
        ),
        reasoning=(
            "A beyond-failure technique adds more work to a set that has already reached "
            "failure. The article keeps forced reps and drop sets for machine pressing "
            "and isolation exercises, which in its view tax the nervous system less; the "
            "project adds that a missed rep on a machine is easy to get out from under. "
            "Failure itself gives only a small growth edge in trained lifters (Grgic "
            "2022), so the project judges the extra cost not worth paying on the most "
            "demanding lifts."
        ),
        sources=(ARTICLE_DECISION, "Grgic et al. 2022"),
    ),
    Rule(
        rule_id="A3",
        title="Push the last set on machine and isolation work",
        severity="caution",
        summary=(
            "Finish this exercise with a hard last set: to failure or within one rep of "
            "it (a drop set works too). Machine and isolation work is where the article "
            "puts failure."
        ),
        reasoning=(
            "The article places failure on machine and isolation exercises, which it "
            "sees as light on the nervous system: one or more sets of each taken to or "
            "past failure. Its case is that a set brings in more high-threshold motor "
            "units, and builds more metabolic stress, the closer it gets to failure. "
            "Refalo 2024 found about the same quadriceps growth from sets stopped 1-2 "
            "reps short as from sets to failure, so the aim is a genuinely hard finish "
            "rather than grinding out the very last rep. Logged RIR tends to be off by "
            "about a rep (Halperin 2022), which is why the bot looks for at least one set "
            "logged at RIR 1 or less."
        ),
        sources=(ARTICLE_DECISION, "Refalo et al. 2024", "Halperin et al. 2022"),
    ),
    Rule(
        rule_id="A4",
        title="Fail only the last set",
        severity="caution",
        summary=(
            "Every set of this exercise went to failure; keep failure for the last set "
            "and end the earlier ones 1-3 reps short."
        ),
        reasoning=(
            "Failing every set is the pattern the article blames for slow recovery, and a "
            "reader comment on it makes the same point from experience. Pooled studies "
            "find that failure gives at most a small growth edge and none for strength "
            "(Grgic 2022), while fatigue from an early failed set tends to cost reps in "
            "the sets after it. Keeping failure for the last set follows the article and "
            "its readers: it is a way to keep the cost down, not a plan that studies "
            "have tested against failing every set."
        ),
        sources=(ARTICLE_CONS, ARTICLE_COMMENTS, "Grgic et al. 2022"),
    ),
    Rule(
        rule_id="A5",
        title="Heavy and short of failure",
        severity="praise",
        summary=(
            "Well judged: heavy sets of 6 reps or fewer with 1-3 reps left. Heavy loads "
            "are thought to bring in the largest motor units without failure, and strength "
            "gains hardly depend on going all the way."
        ),
        reasoning=(
            "Those who avoid failure argue, as the article reports, that loads around a "
            "4-6 rep max are heavy enough to bring in the largest motor units without "
            "going to failure. Robinson 2024 found strength gains roughly flat across "
            "how close to failure sets end, so on heavy sets the last grinding reps add "
            "fatigue more than strength. Stopping 1-3 reps short on these lifts is the "
            "plan working as intended."
        ),
        sources=(ARTICLE_INTRO, "Robinson et al. 2024"),
    ),
    Rule(
        rule_id="A6",
        title="Failure on free-weight compounds: last set, with safeties",
        severity="caution",
        summary=(
            "On this lift, take at most the last set to failure, and only with a spotter "
            "or safety pins in place."
        ),
        reasoning=(
            "The article groups free-weight pressing with the lifts to stop short on. "
            "The project puts presses, rows, pull-ups and lunges one step below squats "
            "and deadlifts, its own extension of the article's list, and so allows an "
            "occasional failure set here, but not as a routine. A failed rep under a "
            "free weight needs a way out, such as a spotter, safety arms or a load you "
            "can drop, and saving failure for the final set keeps its fatigue out of "
            "the sets before it."
        ),
        sources=(ARTICLE_DECISION,),
    ),
    Rule(
        rule_id="W1",
        title="Too many failure sets this week",
        severity="warning",
        summary=(
            "That is a lot of failure work for one week. Keep your next sessions short "
            "of failure so the fatigue can clear."
        ),
        reasoning=(
            "The article's main case against frequent failure is that the nervous system "
            "needs longer than muscle to recover, so failing too often leads to flat "
            "sessions; that is the article's claim, not a measured result. Later work "
            "disagrees: a review by Carroll, Taylor and Gandevia 2017 concluded that central "
            "fatigue, the part in the nervous system, clears within minutes of hard exercise, "
            "and what lasts hours to days is in the muscle itself. Failure sets do leave "
            "fatigue that lingers either way: bar speed took 24-48 hours longer to come "
            "back after failure in Morán-Navarro 2017. The limits used here, two failure "
            "sets on tier A lifts in 7 days or more than a third of a muscle's hard sets "
            "in 7 days (counted once it has 6 or more), are rules of thumb, not measured "
            "cut-offs."
        ),
        sources=(ARTICLE_CONS, "Carroll et al. 2017", "Morán-Navarro et al. 2017"),
    ),
    Rule(
        rule_id="W2",
        title="Failure again within two days",
        severity="warning",
        summary=(
            "You took this lift, or one for the same main muscle, to failure again within "
            "two days. In studies, bar speed and jump height took about 24-48 hours longer "
            "to come back after failure sets, so keep the next session on it short of "
            "failure."
        ),
        reasoning=(
            "Morán-Navarro 2017 compared squat and bench press sessions of 3x10 to "
            "failure with sessions of the same total reps stopped short (6x5) and of "
            "half of them (3x5); González-Badillo 2016 compared 3x8 to failure with "
            "3x4, half the reps. In both, bar speed and jump height took 24-48 hours "
            "longer to come back after the failure sessions. They measured speed and "
            "jumps, not 1RM strength, and did not compare nervous system with muscle. "
            "Failing the same lift, or the same main muscle, again the next day or the "
            "day after likely means training it before it has bounced back; the bot "
            "counts calendar days in your time zone, so the hour of the log does not "
            "matter."
        ),
        sources=("Morán-Navarro et al. 2017", "González-Badillo et al. 2016"),
    ),
    Rule(
        rule_id="W3",
        title="Failure on this lift week after week",
        severity="caution",
        summary=(
            "You keep taking this lift to failure week after week. Switch to a block of "
            "heavy sets kept 1-3 reps short, then bring failure back sparingly."
        ),
        reasoning=(
            "A reader comment on the article suggests alternating failure phases with "
            "heavy non-failure phases about every two weeks, and Willardson 2010 "
            "proposes failure in blocks of about six weeks, alternating with blocks "
            "short of failure. The idea is that fatigue from repeated failure gets time "
            "to clear while heavy loads keep strength training going; neither block "
            "length is a tested cut-off. The bot checks this on tier A and B lifts, "
            "where failure is meant to be rare."
        ),
        sources=(ARTICLE_COMMENTS, "Willardson et al. 2010"),
    ),
    Rule(
        rule_id="W4",
        title="Still sore after five days",
        severity="warning",
        summary=(
            "You reported this area sore for 5 days or more. Soreness that lasts is a "
            "cue to ease off: cut failure sets or volume for it until it settles."
        ),
        reasoning=(
            "A reader comment on the article gives a practical check: a body part still "
            "clearly sore after 5-7 days of rest was, in the commenter's view, worked too "
            "hard, with the time going to repair rather than growth. That is one lifter's "
            "experience, not a study, and soreness is a rough signal, not a measure of "
            "growth, but soreness that lasts is a fair cue to ease off. Sharp pain, joint "
            "pain or pain that gets worse is a matter for a professional, not for this "
            "bot."
        ),
        sources=(ARTICLE_COMMENTS,),
    ),
    Rule(
        rule_id="W5",
        title="Too far from failure to grow well",
        severity="caution",
        summary=(
            "This session's working sets averaged 4 or more reps in reserve. For muscle "
            "growth, end most working sets 0-3 reps short of failure."
        ),
        reasoning=(
            "Robinson 2024 pooled studies and found muscle growth improves as sets end "
            "closer to failure, while strength changes little. The article makes a "
            "related argument through recruitment: more high-threshold fibres are "
            "brought in as a set nears failure. With a hypertrophy goal the project aims "
            "for most working sets to end with 3 or fewer reps left, which does not mean "
            "every set has to fail."
        ),
        sources=("Robinson et al. 2024", ARTICLE_PROS),
    ),
    Rule(
        rule_id="W6",
        title="Weekly volume past the usual range",
        severity="warning",
        summary=(
            "This muscle is past 20 hard sets in the last 7 days. Each extra set adds "
            "less as weekly sets climb, so trimming a few costs little; there is no "
            "need to add more."
        ),
        reasoning=(
            "Schoenfeld 2017, Baz-Valle 2022 and Pelland 2024 found that gains rise with "
            "weekly hard sets per muscle, but by less and less: roughly 10-20 sets is a "
            "common range, and no ceiling was shown at 20. Past it each extra set buys "
            "less while still adding fatigue, so the bot suggests trimming rather than "
            "adding. It counts a working set as hard when it ends 4 or fewer reps short "
            "of failure or has no effort logged, and counts half a set for muscles a "
            "compound trains secondarily. Both ends of the range are heuristics from "
            "that research, not hard limits."
        ),
        sources=("Schoenfeld et al. 2017", "Baz-Valle et al. 2022", "Pelland et al. 2024"),
    ),
    Rule(
        rule_id="W7",
        title="Rough RIR estimate",
        severity="caution",
        summary=(
            "Reps-in-reserve guesses are rough far from failure and on long sets. Now "
            "and then, take an isolation set to true failure to check your guesses."
        ),
        reasoning=(
            "Hackett 2017, Zourdos 2021 and Halperin 2022 found lifters judge reps in "
            "reserve to within about a rep close to failure, but less well far from it "
            "and on long sets, and they tend to guess fewer reps left than they really "
            "have. Taking a safe exercise such as a curl or leg extension to failure "
            "shows how many reps you really had, a reference point for later guesses."
        ),
        sources=("Hackett et al. 2017", "Zourdos et al. 2021", "Halperin et al. 2022"),
    ),
    Rule(
        rule_id="W8",
        title="Failure adds little for strength",
        severity="caution",
        summary=(
            "For a strength goal, failure on compound lifts adds little: in studies, "
            "strength grew about as well when sets stopped short, and stopping short "
            "leaves less fatigue."
        ),
        reasoning=(
            "Grgic 2022 pooled studies comparing training to failure with stopping short "
            "and found no strength advantage for failure; Vieira 2021 reached the same "
            "conclusion. In Izquierdo 2006 both groups raised their bench press and "
            "squat 1RM by about the same amount. So for strength the project keeps heavy "
            "sets a few reps short and leaves failure out."
        ),
        sources=("Grgic et al. 2022", "Vieira et al. 2021", "Izquierdo et al. 2006"),
    ),
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.rule_id: rule for rule in _ALL})
"""All rules by id, in id order (A1-A6, then W1-W8)."""

RULE_ORDER: tuple[str, ...] = tuple(RULES)


def explain(rule_id: str) -> Rule | None:
    """The rule with this id (case and surrounding spaces ignored), or None."""
    return RULES.get(rule_id.strip().upper())
