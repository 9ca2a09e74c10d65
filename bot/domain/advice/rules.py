"""The coaching rules as data: id, title, severity, advice line, reasoning and sources.

The ids are the stable ones from COACHING.md (A1-A6 for advice tied to the exercise's
tier, W1-W8 for warnings that look at effort, history, soreness and volume). The
conditions that decide when a rule fires live in ``bot.domain.advice.engine``; this module
only holds what the bot says and why.

Severity per rule, and why:

- ``warning`` (recovery is at stake right now): W1 too many failure sets this week,
  W2 failure on the same lift again within 48 h, W4 a body part sore for 5+ days,
  W6 weekly hard sets past what recovery allows.
- ``caution`` (a better way to train this lift): A1, A2, A3, A4, A6, W3, W5, W7, W8.
- ``praise``: A5, heavy sets kept short of failure.

Every text is written for this project; sources are cited by name (article section,
or first author and year) so a lifter can look them up.
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
            "Squat and deadlift variants, Olympic lifts and similar full-body lifts ask "
            "the most of the nervous system, and the article puts them in the group to "
            "stop short of failure. The grinding reps at the very end of such a set add "
            "fatigue that carries into the next sessions while adding little stimulus "
            "that a hard set with a rep or two left does not already give. Pareja-Blanco "
            "2017 found that squat sets cut off at a moderate loss of bar speed gave "
            "similar strength gains to much longer sets, with about 40% fewer reps."
        ),
        sources=(ARTICLE_DECISION, "Pareja-Blanco et al. 2017"),
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
            "A beyond-failure technique piles more fatigue on top of a set that has "
            "already reached failure. The article reserves forced reps and drop sets for "
            "machine pressing and isolation exercises, which tax the nervous system less "
            "and make a missed rep easy to get out from under. Failure itself gives "
            "only a small growth edge in trained lifters (Grgic 2022), so on the most "
            "demanding lifts the extra cost is not worth paying."
        ),
        sources=(ARTICLE_DECISION, "Grgic et al. 2022"),
    ),
    Rule(
        rule_id="A3",
        title="Push the last set on machine and isolation work",
        severity="caution",
        summary=(
            "Finish this exercise with a hard last set: to failure or within one rep of "
            "it (a drop set works too). This is the kind of exercise where pushing "
            "hard costs little."
        ),
        reasoning=(
            "Machine and isolation exercises tax the nervous system little, and the "
            "article places failure there: one or more sets of each such exercise taken "
            "to or past failure, so the set recruits every available motor unit and "
            "builds metabolic stress. "
            "Refalo 2024 measured the same quadriceps growth from sets stopped 1-2 reps "
            "short as from sets to failure, so the aim is a genuinely hard finish rather "
            "than grinding. Logged RIR tends to be off by about a rep (Halperin 2022), "
            "which is why the bot looks for at least one set logged at RIR 1 or less."
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
            "Failing every set is the pattern the article blames for slow recovery: "
            "fatigue builds from set to set and across sessions, and the nervous system "
            "is slower to come back than the muscle. Readers of the article report the "
            "same lesson from experience. Pooled studies show failure gives at most a "
            "small growth edge and none for strength (Grgic 2022), so one failure set "
            "per exercise captures it at a fraction of the cost."
        ),
        sources=(ARTICLE_CONS, ARTICLE_COMMENTS, "Grgic et al. 2022"),
    ),
    Rule(
        rule_id="A5",
        title="Heavy and short of failure",
        severity="praise",
        summary=(
            "Well judged: heavy sets of 6 reps or fewer with 1-3 reps left still bring "
            "in the largest motor units, without the cost of failure."
        ),
        reasoning=(
            "With loads around a 4-6 rep max, the large high-threshold motor units are "
            "needed from early in the set, so grinding on to failure adds more fatigue "
            "than recruitment. The article gives this as the main argument of those who "
            "avoid failure, and Robinson 2024 found strength gains roughly flat across "
            "how close to failure sets end. Stopping 1-3 reps short on these lifts is "
            "the plan working as intended."
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
            "Presses, rows, pull-ups and lunges still tax the nervous system less than "
            "squats or deadlifts, so the project allows an occasional failure set here, "
            "but not as a routine. A failed rep under a free weight needs a way out, such "
            "as a spotter, safety arms or a load you can drop, and keeping failure to the "
            "final set stops its fatigue from eating into the sets after it."
        ),
        sources=(ARTICLE_DECISION,),
    ),
    Rule(
        rule_id="W1",
        title="Too many failure sets this week",
        severity="warning",
        summary=(
            "That is a lot of failure work for one week. The nervous system recovers "
            "more slowly than muscle, so keep your next sessions short of failure."
        ),
        reasoning=(
            "The article's main case against frequent failure is the nervous system: it "
            "needs more time to bounce back than muscle does, and pushing it to failure too "
            "often leads to flat, weaker sessions. The limits used here, two failure "
            "sets on tier A lifts in 7 days or more than a third of a muscle's hard sets "
            "in 7 days, are rules of thumb, not measured cut-offs. The share only counts "
            "once a muscle has 6 or more hard sets in the week, so one or two sets cannot "
            "set it off."
        ),
        sources=(ARTICLE_CONS, "Morán-Navarro et al. 2017"),
    ),
    Rule(
        rule_id="W2",
        title="Failure again within 48 hours",
        severity="warning",
        summary=(
            "You took this lift to failure again within 48 hours. Recovery after failure "
            "sets takes roughly 24-48 hours longer, so keep the next session on it short "
            "of failure."
        ),
        reasoning=(
            "Morán-Navarro 2017 and González-Badillo 2016 followed lifters after sessions "
            "taken to failure and after matched sessions stopped short. After failure, "
            "strength and bar speed took an extra 24-48 hours to come back. Going to "
            "failure on the same lift before then means training it while still "
            "under-recovered."
        ),
        sources=("Morán-Navarro et al. 2017", "González-Badillo et al. 2016"),
    ),
    Rule(
        rule_id="W3",
        title="Failure on this lift week after week",
        severity="caution",
        summary=(
            "You keep taking this lift to failure week after week. Switch to about two "
            "weeks of heavy sets kept 1-3 reps short, then bring failure back sparingly."
        ),
        reasoning=(
            "Readers of the article suggest alternating failure phases with heavier "
            "non-failure phases about every two weeks, and Willardson 2010 argues for "
            "using failure in limited blocks rather than all the time. A stretch of "
            "non-failure weeks lets the fatigue from repeated failure clear while heavy "
            "loads keep strength moving. The bot checks this on tier A and B lifts, "
            "where failure is meant to be rare."
        ),
        sources=(ARTICLE_COMMENTS, "Willardson et al. 2010"),
    ),
    Rule(
        rule_id="W4",
        title="Still sore after five days",
        severity="warning",
        summary=(
            "You reported this area sore for 5 days or more, a sign it was pushed past "
            "what it recovers from. Cut failure sets or volume for it until it settles."
        ),
        reasoning=(
            "A reader comment on the article gives a practical check: a body part that "
            "is still clearly sore after 5-7 days off was worked too hard, and the "
            "time went to repair rather than growth. Soreness is a rough signal, not a "
            "measure of growth, but soreness that lasts is a fair cue to ease off. Sharp "
            "pain, joint pain or pain that gets worse is a matter for a professional, "
            "not for this bot."
        ),
        sources=(ARTICLE_COMMENTS,),
    ),
    Rule(
        rule_id="W5",
        title="Too far from failure to grow well",
        severity="caution",
        summary=(
            "Today's working sets averaged 4 or more reps in reserve. For muscle growth, "
            "end most working sets 0-3 reps short of failure."
        ),
        reasoning=(
            "Robinson 2024 pooled studies and found muscle growth improves as sets end "
            "closer to failure, while strength changes little. The article explains the "
            "same point through recruitment: the highest-threshold fibres join in only "
            "as a set gets hard. With a hypertrophy goal, most working sets should end "
            "with 3 or fewer reps left, which does not mean every set has to fail."
        ),
        sources=("Robinson et al. 2024", ARTICLE_PROS),
    ),
    Rule(
        rule_id="W6",
        title="Weekly volume past recovery",
        severity="warning",
        summary=(
            "This muscle is past 20 hard sets in the last 7 days, more than most lifters "
            "recover from well. Trim sets for it rather than adding more."
        ),
        reasoning=(
            "Schoenfeld 2017, Baz-Valle 2022 and Pelland 2024 put productive weekly "
            "volume at roughly 10-20 hard sets per muscle; past that, returns shrink and "
            "recovery becomes the limit for most lifters. The bot counts a working set "
            "as hard when it ends 4 or fewer reps short of failure or has no effort "
            "logged, and counts half a set for muscles a compound trains secondarily. "
            "Both ends of the range are heuristics from that research, not hard limits."
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
            "or in long sets, and they tend to guess low. Taking a safe exercise such as "
            "a curl or leg extension to failure shows how many reps you really had left "
            "and sharpens the next estimates."
        ),
        sources=("Hackett et al. 2017", "Zourdos et al. 2021", "Halperin et al. 2022"),
    ),
    Rule(
        rule_id="W8",
        title="Failure adds little for strength",
        severity="caution",
        summary=(
            "For a strength goal, failure on compound lifts adds little: strength grows "
            "about as well when sets stop 1-3 reps short, with less fatigue."
        ),
        reasoning=(
            "Grgic 2022 pooled studies comparing training to failure with stopping short "
            "and found no strength advantage for failure; Vieira 2021 reached the same "
            "conclusion. In Izquierdo 2006 both groups raised their bench press and "
            "squat 1RM by about the same amount. For strength, regular practice with "
            "heavy loads matters more than the last grinding rep."
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
