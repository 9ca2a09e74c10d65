"""Regenerate ``bot/domain/catalogue_data.py`` from the exercise reference file.

The reference (free-exercise-db, public domain) supplies the facts: which muscles
an exercise trains and what equipment it needs. It cannot supply the tier, because
its compound/isolation flag puts a leg press next to a back squat, so every row in
SPEC below states the tier from the coaching table and names the reference entry
whose facts it borrows. The reference is read only here; the bot never needs it.

Usage: python -m bot.catalogue_build [path/to/free-exercise-db.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "free-exercise-db.json"
TARGET = ROOT / "bot" / "domain" / "catalogue_data.py"
MAX_LINE = 99

CODES = {
    "abdominals": "abs", "abductors": "abduct", "adductors": "adduct", "biceps": "bi",
    "calves": "calf", "chest": "chest", "forearms": "fore", "glutes": "glute",
    "hamstrings": "ham", "lats": "lat", "lower back": "lowback", "middle back": "midback",
    "neck": "neck", "quadriceps": "quad", "shoulders": "delt", "traps": "trap", "triceps": "tri",
}
EQUIPMENT = {
    "body only": "bodyweight", "kettlebells": "kettlebell", "e-z curl bar": "ez bar",
    "bands": "band", None: "other",
}
TIER_NOTES = {
    "A": "Olympic lifts, squat and deadlift variants, good mornings, push press, thrusters",
    "B": "free-weight presses, dips, rows, pull-ups, lunges, split squats, carries, swings",
    "C": "machine and cable compounds, push-ups, hip thrusts, glute-ham raises",
    "D": "isolation: extensions, curls, raises, flyes, calves, abs, shrugs",
}

# name | tier | reference entry | aliases | overrides (eq=..; pri=..; sec=.. with codes).
# A line starting with "+" adds more aliases to the row above it.
SPEC = """
back squat|A|Barbell Squat|sq, bs, squat, barbell squat, high bar squat, low bar squat|
front squat|A|Front Barbell Squat|fs, barbell front squat|
overhead squat|A|Overhead Squat|ohs|
box squat|A|Box Squat||
pause squat|A|Barbell Squat|paused squat|
zercher squat|A|Zercher Squats||
safety bar squat|A|Barbell Squat|ssb squat, ssb|
goblet squat|A|Goblet Squat||eq=dumbbell
deadlift|A|Barbell Deadlift|dl, conventional deadlift, barbell deadlift|
sumo deadlift|A|Sumo Deadlift|sdl, sumo|
romanian deadlift|A|Romanian Deadlift|rdl, barbell rdl|
stiff-leg deadlift|A|Stiff-Legged Barbell Deadlift|sldl, stiff legged deadlift|
+straight leg deadlift
trap bar deadlift|A|Trap Bar Deadlift|hex bar deadlift, tbdl, hbdl|eq=trap bar
deficit deadlift|A|Deficit Deadlift||
rack pull|A|Rack Pulls|block pull|
pause deadlift|A|Barbell Deadlift|paused deadlift|
snatch-grip deadlift|A|Snatch Deadlift|snatch deadlift|
dumbbell romanian deadlift|A|Stiff-Legged Dumbbell Deadlift|dumbbell rdl|
good morning|A|Good Morning|gm|
clean|A|Clean|squat clean, full clean|
power clean|A|Power Clean|pc|
hang clean|A|Hang Clean|hc|
hang power clean|A|Hang Clean|hpc|
clean and jerk|A|Clean and Jerk|cj, c and j|
snatch|A|Snatch|sn, squat snatch, full snatch|
power snatch|A|Power Snatch||
hang snatch|A|Hang Snatch||
push press|A|Push Press|pp|
push jerk|A|Power Jerk|power jerk|
split jerk|A|Split Jerk|jerk|
clean pull|A|Clean Pull||
snatch pull|A|Snatch Pull||
snatch balance|A|Snatch Balance||
clean and press|A|Clean and Press||sec=abs glute ham lowback quad trap tri
thruster|A|Kettlebell Thruster|barbell thruster|eq=barbell; pri=quad delt; sec=glute tri
dumbbell thruster|A|Kettlebell Thruster||eq=dumbbell; pri=quad delt; sec=glute tri
log press|A|Log Lift|log lift|eq=log; sec=abs chest glute ham lowback quad trap tri
atlas stone|A|Atlas Stones|stone load|eq=stone; sec=bi fore glute ham quad trap
bench press|B|Barbell Bench Press - Medium Grip|bp, bench, flat bench, flat bench press, bb bench|
incline bench press|B|Barbell Incline Bench Press - Medium Grip|ibp, incline bench, incline press|
decline bench press|B|Decline Barbell Bench Press|decline bench|
close-grip bench press|B|Close-Grip Barbell Bench Press|cgbp, close grip bench, cg bench|
pause bench press|B|Barbell Bench Press - Medium Grip|paused bench press, pause bench, paused bench|
wide-grip bench press|B|Wide-Grip Barbell Bench Press|wide grip bench|
floor press|B|Floor Press|barbell floor press|
jm press|B|JM Press||
dumbbell bench press|B|Dumbbell Bench Press|dbbp, dumbbell bench, flat dumbbell press|
incline dumbbell press|B|Incline Dumbbell Press|idbp, incline dumbbell bench press|
+incline dumbbell bench
decline dumbbell press|B|Decline Dumbbell Bench Press|decline dumbbell bench press|
neutral-grip dumbbell press|B|Dumbbell Bench Press with Neutral Grip|hammer grip dumbbell press|
overhead press|B|Standing Military Press|ohp, mp, press, military press, strict press|
+standing press
seated overhead press|B|Seated Barbell Military Press|seated ohp, seated military press|
behind-the-neck press|B|Standing Barbell Press Behind Neck|btn press|
dumbbell shoulder press|B|Dumbbell Shoulder Press|dbsp, dumbbell overhead press|
+seated dumbbell press
arnold press|B|Arnold Dumbbell Press||
single-arm dumbbell shoulder press|B|Dumbbell One-Arm Shoulder Press|single arm dumbbell press|
kettlebell press|B|Two-Arm Kettlebell Military Press|kettlebell overhead press|
landmine press|B|Single-Arm Linear Jammer||eq=landmine
dip|B|Parallel Bar Dip|parallel bar dip, weighted dip, triceps dip|eq=bodyweight
chest dip|B|Dips - Chest Version||eq=bodyweight
ring dip|B|Ring Dips||eq=rings
bench dip|B|Bench Dips||
barbell row|B|Bent Over Barbell Row|bor, bent over row, bent over barbell row|
pendlay row|B|Bent Over Barbell Row|pendlay|
yates row|B|Reverse Grip Bent-Over Rows|reverse grip barbell row, underhand barbell row|
t-bar row|B|T-Bar Row with Handle|tbar, t bar, landmine row|
meadows row|B|Bent Over One-Arm Long Bar Row|single arm landmine row|
dumbbell row|B|One-Arm Dumbbell Row|single arm dumbbell row, single arm row, kroc row|
bent-over dumbbell row|B|Bent Over Two-Dumbbell Row|two dumbbell row|
renegade row|B|Alternating Renegade Row||
pull-up|B|Pullups|pullup, overhand pull up, wide grip pull up|eq=bodyweight
chin-up|B|Chin-Up|chins, chinup, chin, underhand pull up|eq=bodyweight
weighted pull-up|B|Weighted Pull Ups||eq=bodyweight
weighted chin-up|B|Chin-Up||eq=bodyweight
neutral-grip pull-up|B|V-Bar Pullup|hammer grip pull up|eq=bodyweight
muscle-up|B|Muscle Up|bar muscle up|eq=bodyweight
lunge|B|Dumbbell Lunges|lunges, forward lunge, dumbbell lunge|
barbell lunge|B|Barbell Lunge||
walking lunge|B|Barbell Walking Lunge|dumbbell walking lunge|eq=dumbbell
reverse lunge|B|Dumbbell Rear Lunge|rear lunge, back lunge|
lateral lunge|B|Barbell Side Split Squat|side lunge|eq=dumbbell
bulgarian split squat|B|Split Squat with Dumbbells|bss, rfess, bulgarian|
+rear foot elevated split squat
split squat|B|Split Squat with Dumbbells|static lunge|
step-up|B|Dumbbell Step Ups|box step up, dumbbell step up|
pistol squat|B|Kettlebell Pistol Squat|single leg squat, pistol|eq=bodyweight
single-leg romanian deadlift|B|Kettlebell One-Legged Deadlift|single leg rdl|eq=dumbbell
farmer's carry|B|Farmer's Walk|farmers walk, farmer walk|eq=dumbbell
suitcase carry|B|Farmer's Walk|suitcase walk|eq=dumbbell
yoke carry|B|Yoke Walk|yoke walk, yoke|eq=yoke
kettlebell swing|B|One-Arm Kettlebell Swings|kbs, russian swing, swing|
turkish get-up|B|Kettlebell Turkish Get-Up (Squat style)|tgu, get up|
leg press|C|Leg Press|lp, leg press machine, 45 degree leg press|
hack squat|C|Hack Squat|machine hack squat, hack squat machine|
smith machine squat|C|Smith Machine Squat|smith squat|eq=smith machine
pendulum squat|C|Hack Squat||
belt squat|C|Leg Press||
smith machine split squat|C|Smith Single-Leg Split Squat|smith split squat|eq=smith machine
smith machine romanian deadlift|C|Smith Machine Stiff-Legged Deadlift|smith rdl|eq=smith machine
machine chest press|C|Leverage Chest Press|chest press, chest press machine, seated chest press|
machine incline chest press|C|Leverage Incline Chest Press|incline chest press|
+incline machine press
smith machine bench press|C|Smith Machine Bench Press|smith bench|eq=smith machine
smith machine incline press|C|Smith Machine Incline Bench Press|smith incline bench|eq=smith machine
smith machine overhead press|C|Smith Machine Overhead Shoulder Press|smith ohp|eq=smith machine
machine shoulder press|C|Machine Shoulder (Military) Press|shoulder press machine|
cable chest press|C|Cable Chest Press||
cable shoulder press|C|Cable Shoulder Press||
dip machine|C|Dip Machine|machine dip, assisted dip, seated dip|
lat pulldown|C|Wide-Grip Lat Pulldown|lpd, pulldown, wide grip pulldown, wide grip lat pulldown|
close-grip pulldown|C|Close-Grip Front Lat Pulldown|close grip lat pulldown, v bar pulldown|
reverse-grip pulldown|C|Underhand Cable Pulldowns|underhand pulldown, supinated pulldown|
assisted pull-up|C|Band Assisted Pull-Up|assisted pullup, assisted chin up|eq=machine
seated cable row|C|Seated Cable Rows|cable row, seated row, low row|
single-arm cable row|C|Seated One-arm Cable Pulley Rows||
chest-supported row|C|Dumbbell Incline Row|csr, chest supported dumbbell row, incline dumbbell row|
chest-supported t-bar row|C|Lying T-Bar Row|lying t bar row|
seal row|C|Lying Cambered Barbell Row||
machine row|C|Leverage Iso Row|iso row, hammer strength row|
machine high row|C|Leverage High Row|high row|
smith machine row|C|Smith Machine Bent Over Row|smith row|eq=smith machine
inverted row|C|Inverted Row|bodyweight row, australian pull up|eq=bodyweight
push-up|C|Pushups|pushup, press up|
close-grip push-up|C|Push-Ups - Close Triceps Position|diamond push up|
decline push-up|C|Push-Ups With Feet Elevated|feet elevated push up|
incline push-up|C|Incline Push-Up||
handstand push-up|C|Handstand Push-Ups|hspu|
hip thrust|C|Barbell Hip Thrust|ht, barbell hip thrust|
glute bridge|C|Barbell Glute Bridge|barbell glute bridge|
machine hip thrust|C|Barbell Hip Thrust|hip thrust machine|eq=machine
glute-ham raise|C|Glute Ham Raise|ghr|
nordic curl|C|Floor Glute-Ham Raise|nordic, nordic hamstring curl|eq=bodyweight
cable pull-through|C|Pull Through|pull through|
leg extension|D|Leg Extensions|le, leg ext, quad extension, knee extension|
leg curl|D|Lying Leg Curls|lc, hamstring curl|
lying leg curl|D|Lying Leg Curls||
seated leg curl|D|Seated Leg Curl||
stability ball leg curl|D|Ball Leg Curl|swiss ball leg curl, ball leg curl|
standing calf raise|D|Standing Calf Raises|calf raise, machine calf raise|
seated calf raise|D|Seated Calf Raise||
leg press calf raise|D|Calf Press On The Leg Press Machine|calf press|
donkey calf raise|D|Donkey Calf Raises||eq=machine
smith machine calf raise|D|Smith Machine Calf Raise|smith calf raise|eq=smith machine
barbell calf raise|D|Standing Barbell Calf Raise||
pec deck|D|Butterfly|pec dec, pec deck fly, pec fly, machine fly, butterfly|
cable crossover|D|Cable Crossover|xover, crossover|
cable fly|D|Flat Bench Cable Flyes|standing cable fly|
low-to-high cable fly|D|Low Cable Crossover|low cable crossover|
incline cable fly|D|Incline Cable Flye||
dumbbell fly|D|Dumbbell Flyes|fly, flat dumbbell fly|
incline dumbbell fly|D|Incline Dumbbell Flyes|incline fly|
dumbbell pullover|D|Straight-Arm Dumbbell Pullover|pullover|
straight-arm pulldown|D|Straight-Arm Pulldown|cable pullover|
back extension|D|Hyperextensions (Back Extensions)|hyper, hyperextension|eq=bench
+45 degree back extension
reverse hyperextension|D|Reverse Hyperextension|reverse hyper|
barbell curl|D|Barbell Curl|straight bar curl, standing barbell curl|
ez-bar curl|D|EZ-Bar Curl|ez curl|
dumbbell curl|D|Dumbbell Bicep Curl|curl, bicep curl, alternating dumbbell curl|
hammer curl|D|Alternate Hammer Curl|dumbbell hammer curl|
cross-body hammer curl|D|Cross Body Hammer Curl||
incline dumbbell curl|D|Incline Dumbbell Curl|incline curl|
preacher curl|D|Preacher Curl|barbell preacher curl, ez bar preacher curl|
dumbbell preacher curl|D|One Arm Dumbbell Preacher Curl||
machine preacher curl|D|Machine Preacher Curls||
machine curl|D|Machine Bicep Curl|bicep curl machine|
concentration curl|D|Concentration Curls||
spider curl|D|Spider Curl||
cable curl|D|Standing Biceps Cable Curl|cable bicep curl|
rope hammer curl|D|Cable Hammer Curls - Rope Attachment|cable hammer curl|
bayesian curl|D|Standing One-Arm Cable Curl||
reverse curl|D|Reverse Barbell Curl|reverse grip curl|
zottman curl|D|Zottman Curl||
drag curl|D|Drag Curl||
wrist curl|D|Palms-Up Barbell Wrist Curl Over A Bench||
wrist roller|D|Wrist Roller||
triceps pushdown|D|Triceps Pushdown|tpd, pushdown, cable pushdown, v bar pushdown|
rope pushdown|D|Triceps Pushdown - Rope Attachment|rope triceps pushdown|
reverse-grip pushdown|D|Reverse Grip Triceps Pushdown||
skullcrusher|D|EZ-Bar Skullcrusher|skulls, lying triceps extension|
dumbbell skullcrusher|D|Lying Dumbbell Tricep Extension|dumbbell lying triceps extension|
overhead triceps extension|D|Standing Dumbbell Triceps Extension|ohte, overhead extension|
+french press, triceps extension
cable overhead triceps extension|D|Cable Rope Overhead Triceps Extension|rope overhead extension|
triceps kickback|D|Tricep Dumbbell Kickback|dumbbell kickback|
tate press|D|Tate Press||
machine triceps extension|D|Machine Triceps Extension||
lateral raise|D|Side Lateral Raise|lr, side raise, side lateral raise, lat raise|
+dumbbell lateral raise
cable lateral raise|D|Standing Low-Pulley Deltoid Raise|cable side raise|
machine lateral raise|D|Side Lateral Raise||eq=machine
seated lateral raise|D|Seated Side Lateral Raise||
front raise|D|Front Dumbbell Raise|dumbbell front raise|
plate front raise|D|Front Plate Raise|plate raise|eq=plate
cable front raise|D|Front Cable Raise||
rear delt fly|D|Reverse Flyes|rdf, reverse fly, rear delt raise, rear fly|
reverse pec deck|D|Reverse Machine Flyes|reverse pec dec, rear delt machine|
cable rear delt fly|D|Cable Rear Delt Fly||
face pull|D|Face Pull|fp, rope face pull|
band pull-apart|D|Band Pull Apart|pull apart|
external rotation|D|External Rotation|dumbbell external rotation|
cable external rotation|D|External Rotation with Cable||
upright row|D|Upright Barbell Row|barbell upright row|
cable upright row|D|Upright Cable Row||
dumbbell upright row|D|Standing Dumbbell Upright Row||
shrug|D|Barbell Shrug|barbell shrug|
dumbbell shrug|D|Dumbbell Shrug||
machine shrug|D|Leverage Shrug||
hip abduction machine|D|Thigh Abductor|hip abduction, abductor machine, abduction|
hip adduction machine|D|Thigh Adductor|hip adduction, adductor machine, adduction|
cable glute kickback|D|One-Legged Cable Kickback|glute kickback, cable kickback|
sissy squat|D|Weighted Sissy Squat||eq=bodyweight
crunch|D|Crunches||
sit-up|D|Sit-Up|situp|
decline crunch|D|Decline Crunch||
cable crunch|D|Cable Crunch|rope crunch, kneeling cable crunch|
machine crunch|D|Ab Crunch Machine|ab machine, crunch machine|
reverse crunch|D|Reverse Crunch||
oblique crunch|D|Oblique Crunches||
plank|D|Plank|front plank|
side plank|D|Side Bridge||
hanging leg raise|D|Hanging Leg Raise|hlr|
hanging knee raise|D|Knee/Hip Raise On Parallel Bars|knee raise, captain's chair|eq=bodyweight
lying leg raise|D|Flat Bench Lying Leg Raise|leg raise|
toes-to-bar|D|Hanging Pike|ttb|
ab wheel rollout|D|Ab Roller|ab wheel, ab rollout, rollout|eq=ab wheel
russian twist|D|Russian Twist||
pallof press|D|Pallof Press||
cable woodchop|D|Standing Cable Wood Chop|woodchop, wood chop, woodchopper|
dead bug|D|Dead Bug||
side bend|D|Dumbbell Side Bend|dumbbell side bend|
v-up|D|Jackknife Sit-Up|jackknife sit up|
neck curl|D|Lying Face Up Plate Neck Resistance|neck flexion, plate neck curl|eq=plate
neck extension|D|Lying Face Down Plate Neck Resistance|plate neck extension|eq=plate
"""


Row = tuple[str, str, str, str, str, tuple[str, ...]]


def _codes(muscles: list[str]) -> list[str]:
    return [CODES[m] for m in muscles]


def _split_spec() -> list[list[str]]:
    """SPEC as [name, tier, source, aliases, overrides], joining "+" continuation lines."""
    rows: list[list[str]] = []
    for line in SPEC.strip().splitlines():
        if line.startswith("+"):
            rows[-1][3] += ", " + line[1:]
        else:
            rows.append([part.strip() for part in line.split("|")])
    return rows


def build_rows(reference: list[dict[str, Any]]) -> list[Row]:
    """Turn SPEC into (name, tier, equipment, primary, secondary, aliases) rows."""
    by_name = {str(entry["name"]): entry for entry in reference}
    rows: list[Row] = []
    for name, tier, source, aliases, overrides in _split_spec():
        if source not in by_name:
            raise SystemExit(f"{name}: no reference entry called {source!r}")
        entry = by_name[source]
        primary = _codes(entry["primaryMuscles"])
        secondary = _codes(entry["secondaryMuscles"])
        equipment = EQUIPMENT.get(entry["equipment"], entry["equipment"])
        for item in filter(None, (o.strip() for o in overrides.split(";"))):
            field, value = (v.strip() for v in item.split("="))
            if field == "eq":
                equipment = value
            elif field == "pri":
                primary = value.split()
            elif field == "sec":
                secondary = value.split()
            else:
                raise SystemExit(f"{name}: unknown override {field!r}")
        secondary = [m for m in dict.fromkeys(secondary) if m not in primary]
        alias_list = tuple(a.strip() for a in aliases.split(",") if a.strip())
        rows.append((name, tier, equipment, " ".join(primary), " ".join(secondary), alias_list))
    names = [row[0] for row in rows]
    if len(names) != len(set(names)):
        raise SystemExit("duplicate exercise names in SPEC")
    return rows


def _checked(line: str) -> str:
    if len(line) > MAX_LINE:
        raise SystemExit(f"line too long, shorten it: {line.strip()}")
    return line


def _one_line(values: tuple[str, ...]) -> str:
    return _checked("    (" + ", ".join(json.dumps(v) for v in values) + "),")


def render(rows: list[Row]) -> str:
    """The data module's text: muscle codes, ambiguous words, rows by tier, aliases."""
    codes = "\n".join(f'    "{code}": "{muscle}",' for muscle, code in CODES.items())
    body: list[str] = []
    aliases: list[str] = []
    for tier in "ABCD":
        body.append(f"    # Tier {tier}: {TIER_NOTES[tier]}")
        for row in rows:
            if row[1] == tier:
                body.append(_one_line(row[:5]))
                if row[5]:
                    joined = json.dumps("|".join(row[5]))
                    aliases.append(_checked(f"    {json.dumps(row[0])}: {joined},"))
    return (
        HEADER + codes + "\n}\n\n" + ROWS_INTRO + "\n".join(body) + "\n)\n\n" + ALIASES_INTRO
        + "\n".join(aliases) + "\n}\n"
    )


HEADER = '''"""The built-in exercises, as plain data.

Muscles and equipment are facts about each lift; the tier (A-D) comes from the
coaching table, which separates machine from free-weight compounds. Columns of
EXERCISES: name, tier, equipment, primary muscles, secondary muscles. Muscles are
short codes spelled out in MUSCLE_CODES. ALIASES lists, per name, the other ways
lifters write it, separated by "|". The catalogue derives each key from the name
(``back squat`` -> ``back-squat``). To change a row, edit SPEC in
bot/catalogue_build.py and run python -m bot.catalogue_build again.
"""

from __future__ import annotations

MUSCLE_CODES: dict[str, str] = {
'''

ROWS_INTRO = """# Abbreviations that fit more than one lift: the coach asks instead of guessing.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "pu": ("pull-up", "push-up"),
    "sp": ("overhead-press", "dumbbell-shoulder-press", "machine-shoulder-press"),
    "shoulder press": ("overhead-press", "dumbbell-shoulder-press", "machine-shoulder-press"),
    "row": ("barbell-row", "dumbbell-row", "seated-cable-row"),
}

Row = tuple[str, str, str, str, str]

EXERCISES: tuple[Row, ...] = (
"""

ALIASES_INTRO = """ALIASES: dict[str, str] = {
"""


def main(argv: list[str]) -> None:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    reference = json.loads(source.read_text("utf-8"))
    rows = build_rows(reference)
    TARGET.write_text(render(rows), "utf-8")
    counts = {t: sum(1 for r in rows if r[1] == t) for t in "ABCD"}
    print(f"wrote {len(rows)} exercises to {TARGET.relative_to(ROOT)}: {counts}")


if __name__ == "__main__":
    main(sys.argv)
