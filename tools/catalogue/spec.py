"""The catalogue's specification: one line per built-in exercise.

Each line names the lift, gives its tier from the coaching table, points at the
reference entry whose facts (muscles, equipment) it borrows, and lists the other
ways lifters write it. ``python -m tools.catalogue.build`` turns it into the data
modules the bot reads.
"""

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
goblet squat|A|Goblet Squat|kettlebell goblet squat|eq=dumbbell
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
+dumbbell stiff leg deadlift
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
+bench press close grip
pause bench press|B|Barbell Bench Press - Medium Grip|paused bench press, pause bench, paused bench|
wide-grip bench press|B|Wide-Grip Barbell Bench Press|wide grip bench|
floor press|B|Floor Press|barbell floor press|
jm press|B|JM Press||
dumbbell bench press|B|Dumbbell Bench Press|dbbp, dumbbell bench, flat dumbbell press|
+flat dumbbell
incline dumbbell press|B|Incline Dumbbell Press|idbp, incline dumbbell bench press|
+incline dumbbell bench, incline dumbbell
decline dumbbell press|B|Decline Dumbbell Bench Press|decline dumbbell bench press|
neutral-grip dumbbell press|B|Dumbbell Bench Press with Neutral Grip|hammer grip dumbbell press|
overhead press|B|Standing Military Press|ohp, mp, press, military press, strict press|
+standing press
+strict military press
seated overhead press|B|Seated Barbell Military Press|seated ohp, seated military press|
behind-the-neck press|B|Standing Barbell Press Behind Neck|btn press|
dumbbell shoulder press|B|Dumbbell Shoulder Press|dbsp, dumbbell overhead press|
+seated dumbbell press
+seated dumbbell overhead press
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
barbell lunge|B|Barbell Lunge|barbell reverse lunge|
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
+horizontal leg press, seated leg press
hack squat|C|Hack Squat|machine hack squat, hack squat machine|
smith machine squat|C|Smith Machine Squat|smith squat|eq=smith machine
pendulum squat|C|Hack Squat||
belt squat|C|Leg Press||
smith machine split squat|C|Smith Single-Leg Split Squat|smith split squat|eq=smith machine
smith machine romanian deadlift|C|Smith Machine Stiff-Legged Deadlift|smith rdl|eq=smith machine
machine chest press|C|Leverage Chest Press|chest press, chest press machine, seated chest press|
+machine bench press, iso lateral chest press
machine incline chest press|C|Leverage Incline Chest Press|incline chest press|
+incline machine press
machine decline chest press|C|Leverage Decline Chest Press|decline chest press|
+machine decline press, machine decline bench press
smith machine bench press|C|Smith Machine Bench Press|smith bench|eq=smith machine
smith machine incline press|C|Smith Machine Incline Bench Press|smith incline bench|eq=smith machine
+smith machine incline bench press, smith incline, incline smith
smith machine overhead press|C|Smith Machine Overhead Shoulder Press|smith ohp|eq=smith machine
machine shoulder press|C|Machine Shoulder (Military) Press|shoulder press machine|
+seated machine shoulder press
cable chest press|C|Cable Chest Press||
cable shoulder press|C|Cable Shoulder Press||
dip machine|C|Dip Machine|machine dip, seated dip|
assisted dip|C|Dips - Triceps Version|assisted chest dip, assisted triceps dip|eq=machine
lat pulldown|C|Wide-Grip Lat Pulldown|lpd, pulldown, wide grip pulldown, wide grip lat pulldown|
+machine lat pulldown
close-grip pulldown|C|Close-Grip Front Lat Pulldown|close grip lat pulldown, v bar pulldown|
+lat pulldown close grip
reverse-grip pulldown|C|Underhand Cable Pulldowns|underhand pulldown, supinated pulldown|
+lat pulldown underhand
assisted pull-up|C|Band Assisted Pull-Up|assisted pullup, assisted chin up|eq=machine
+band assisted pull up, band pull up
seated cable row|C|Seated Cable Rows|cable row, seated row, low row, seated cable row v grip|
single-arm cable row|C|Seated One-arm Cable Pulley Rows||
chest-supported row|C|Dumbbell Incline Row|csr, chest supported dumbbell row, incline dumbbell row|
chest-supported t-bar row|C|Lying T-Bar Row|lying t bar row|
seal row|C|Lying Cambered Barbell Row||
machine row|C|Leverage Iso Row|iso row, hammer strength row, seated machine row, iso lateral row|
machine high row|C|Leverage High Row|high row, iso lateral high row|
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
+smith machine standing calf raise
barbell calf raise|D|Standing Barbell Calf Raise|standing barbell calf raise|
pec deck|D|Butterfly|pec dec, pec deck fly, pec fly, machine fly, butterfly, machine chest fly|
cable crossover|D|Cable Crossover|xover, crossover, cable fly crossover|
cable fly|D|Flat Bench Cable Flyes|standing cable fly|
low-to-high cable fly|D|Low Cable Crossover|low cable crossover, low cable fly crossover|
incline cable fly|D|Incline Cable Flye||
dumbbell fly|D|Dumbbell Flyes|fly, flat dumbbell fly, dumbbell chest fly|
incline dumbbell fly|D|Incline Dumbbell Flyes|incline fly|
dumbbell pullover|D|Straight-Arm Dumbbell Pullover|pullover|
straight-arm pulldown|D|Straight-Arm Pulldown|cable pullover|
+straight arm lat pulldown, rope straight arm pulldown
back extension|D|Hyperextensions (Back Extensions)|hyper, hyperextension|eq=bench
+45 degree back extension
reverse hyperextension|D|Reverse Hyperextension|reverse hyper|
barbell curl|D|Barbell Curl|straight bar curl, standing barbell curl, barbell bicep curl|
ez-bar curl|D|EZ-Bar Curl|ez curl, ez bar bicep curl|
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
+single arm cable curl, unilateral cable curl
rope hammer curl|D|Cable Hammer Curls - Rope Attachment|cable hammer curl|
bayesian curl|D|Standing One-Arm Cable Curl||
reverse curl|D|Reverse Barbell Curl|reverse grip curl|
zottman curl|D|Zottman Curl||
drag curl|D|Drag Curl||
wrist curl|D|Palms-Up Barbell Wrist Curl Over A Bench||
wrist roller|D|Wrist Roller||
triceps pushdown|D|Triceps Pushdown|tpd, pushdown, cable pushdown, v bar pushdown|
rope pushdown|D|Triceps Pushdown - Rope Attachment|rope triceps pushdown, triceps rope pushdown|
reverse-grip pushdown|D|Reverse Grip Triceps Pushdown||
skullcrusher|D|EZ-Bar Skullcrusher|skulls, lying triceps extension, barbell skullcrusher|
dumbbell skullcrusher|D|Lying Dumbbell Tricep Extension|dumbbell lying triceps extension|
overhead triceps extension|D|Standing Dumbbell Triceps Extension|ohte, overhead extension|
+french press, triceps extension
barbell triceps extension|D|Standing Overhead Barbell Triceps Extension||
+barbell overhead triceps extension
cable overhead triceps extension|D|Cable Rope Overhead Triceps Extension|rope overhead extension|
+cable triceps extension
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
+machine reverse fly, machine rear delt fly
cable rear delt fly|D|Cable Rear Delt Fly|cable reverse fly|
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
hip abduction machine|D|Thigh Abductor|hip abduction, abductor machine, abduction, hip abductor|
hip adduction machine|D|Thigh Adductor|hip adduction, adductor machine, adduction, hip adductor|
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
