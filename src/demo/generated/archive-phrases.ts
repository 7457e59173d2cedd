// Sentence frames shared by every topic. The topic fills the slots ({subject}, {actor}, {place},
// {term}, {term2}, {number}, {few}, {percent}, {year}, {month}, {person}, {role}; a capital first letter
// capitalises the filler; `[was/were]` agrees with the noun before it), so the words that make
// stories related stay the topic's own. Each list is one string with `|` between entries, for the
// reason given in archive-topics.types.ts.

const split = (list: string) => list.split('|').map((entry) => entry.trim());

/** The opening paragraph: what happened. */
export const LEDE_FRAMES = split(
  `{Actor} said on {weekday} that {subject} would be reviewed before {month}, a move that surprised many in {place}.|
  {Subject} took a new turn this week as {actor} confirmed that {term} was under discussion.|
  In {place}, {subject} has become the question nobody can avoid, and {actor} are now under pressure to answer it.|
  {Actor} unveiled plans on {weekday} to overhaul {subject}, promising results within {number} months.|
  For the first time since {year}, {subject} has moved to the centre of the debate in {place}.|
  {Subject} reached a turning point on {weekday}, when {actor} signalled that {term} was no longer off the table.|
  A report published on {weekday} put fresh numbers on {subject}, and they are not the ones {actor} had hoped for.`,
);

/** The body of the story: context, numbers, reaction, background. */
export const BODY_FRAMES = split(
  `{Actor} have argued for months that {term} would ease the pressure.|
  The figures tell part of the story: {term} rose by {percent} per cent over the past year.|
  Officials in {place} said {number} people had been affected so far.|
  Critics say {subject} has been handled as an afterthought, and that {term} was always the harder problem.|
  Supporters counter that {term} has already made a difference, pointing to results in {place}.|
  The timing matters, because {term2} is due to be decided before {month}.|
  Few expect {subject} to be settled quickly.|
  Behind the headline numbers lies a more uneven picture, with {place} faring worse than most.|
  “{Quote},” said {person}, {role}.|
  {Person}, {role}, said the details of {term} would decide whether the plan worked.|
  It is not the first attempt: a similar effort in {year} stalled over {term2}.|
  {Actor} have been here before, and many remember how {term2} derailed the last round.|
  That leaves {actor} with a choice between {term} and {term2}, neither of them popular.|
  Surveys suggest about {percent} per cent of people support the change.|
  The cost is estimated at {number} billion won over five years.|
  Much depends on {actor}, who [has/have] so far said little in public.|
  The debate is also about who pays for {term}, not only about {subject}.|
  In {place}, the effects are already visible in {term2}.|
  A spokesperson for {actor} declined to comment on {term} but said talks were continuing.|
  Analysts cautioned against reading too much into a single month of data.|
  Several of those involved asked not to be named because the discussions were private.|
  The next step is a review of {term}, expected in {month}.|
  {Actor} are expected to respond in the coming weeks.|
  Questions remain about how {term} will be measured, and by whom.|
  For many in {place}, {subject} is not an abstract policy question but a daily one.|
  {Subject} has divided opinion for years, and the latest move is unlikely to end that.|
  The proposal builds on {term2}, which [was/were] introduced in {year}.|
  Data from the past {number} months point in the same direction.|
  The gap between {place} and the rest of the country has widened since {year}.|
  Even its defenders concede that {term} will take time to show results.`,
);

/** The last paragraph: what comes next. */
export const KICKER_FRAMES = split(
  `What happens next depends on {actor}, and on whether {term} holds.|
  A decision is expected in {month}; until then, {subject} will stay at the top of the agenda.|
  For now, {actor} say they will keep watching {term} closely.|
  The next test comes in {month}, when {term2} is due.|
  “We are not there yet,” {person} said. “But we know what {subject} has to look like.”`,
);

/** Sub-headings inside a longer story. */
export const HEADING_FRAMES = split(
  'What happens next|The numbers behind it|How we got here|A closer look at {term}|What {actor} want|The view from {place}|Why {term} matters|Who pays|The long road to {subject}|What has changed since {year}',
);

/** Pull quotes. */
export const QUOTE_FRAMES = split(
  `We cannot keep treating {subject} as someone else’s problem.|
  Nobody here believes {term} will fix this on its own.|
  The question is not whether {subject} changes, but how fast.|
  We warned about {term} years ago, and nobody listened.|
  This is the most important decision on {subject} in a generation.|
  People want to see {term} before they believe any promise.`,
);

/** Roles given to the people quoted. */
export const SOURCE_ROLES = split(
  'a researcher at the Korea Development Institute|a professor at Yonsei University|an economist at a Seoul brokerage|a spokesperson for {actor}|a former official|a senior adviser to {actor}|a resident of {place}|a policy analyst in {place}|a lawyer who follows the case|the head of a civic group in {place}',
);

/** Bullet list items: the key facts. */
export const LIST_FRAMES = split(
  '{Term} is under review until {month}|About {percent} per cent of those asked support {subject}|{Actor} want {term2} settled first|The plan costs an estimated {number} billion won|A similar effort in {year} stalled|{Place} is the first to feel the change',
);

/** One- or two-sentence summaries under the headline. */
export const STANDFIRST_FRAMES = split(
  `{Actor} say {subject} could change by {month}, but {term} stands in the way.|
  It looks like a fight about {subject}. It is really about {term}, and about who pays.|
  In {place}, {subject} is already changing daily life. What comes next is less clear.|
  {Actor} face new pressure to act on {subject}, with fresh figures out on {term}.|
  After years of delay, {subject} is back on the table. Here is what is at stake.|
  {Subject} has divided {actor} for years. This time the pressure comes from {place}.`,
);

/** Headlines of the opinion section (Debate), about any topic. */
export const OPINION_HEADLINES = split(
  `{Subject} deserves a rethink|The case against {subject}|Editorial: {subject} needs patience, not slogans|
  Why {actor} are wrong about {subject}|Stop pretending {term} will fix {subject}|{Subject} is a test we cannot fail|
  What {place} can teach us about {subject}|Editorial: the real lesson of {subject}|In defence of {subject}|
  {Subject} and the politics of {term}|{Actor} must stop ignoring {term}|Editorial: {number} billion won is not a plan for {subject}|
  {Subject} will not wait for another round of talks|After {term}, {subject} needs a new bargain|What {actor} owe {place}|
  The quiet cost of {term} in {place}|{Term} is the real story behind {subject}|Editorial: {actor} should listen to {place}|
  {Subject} needs fewer promises and more {term}|Letter from {place}: {subject} up close`,
);

/** Readers' comments on a story. */
export const COMMENT_FRAMES = split(
  `Finally someone writes about {subject} properly.|
  I live in {place} and {term} is all anyone talks about here.|
  This misses the point: {term} was always the real problem.|
  Good reporting. Would love a follow-up on {term2}.|
  {Actor} have been promising this since {year}. I will believe it when I see it.|
  Not convinced. {Subject} sounds good on paper, but who pays?|
  My family has lived with {term} for years. Nothing in this article surprises me.|
  The numbers in this piece are shocking. Why is nobody in charge talking about {term}?|
  Clear and fair piece on {subject}. Thank you.|
  I disagree with the framing, but this is a useful account of {term}.|
  Does anyone know when {actor} will decide on {term2}?|
  The comparison with {year} is the most useful part of this.`,
);

/** Replies under a comment. */
export const REPLY_FRAMES = split(
  `Agreed. {Term} is the part nobody wants to talk about.|
  Do you have a source for that?|
  Same here in {place}.|
  I think you are being too pessimistic about {subject}.|
  The article does mention {term2}, to be fair.|
  Exactly what I was going to say.|
  Read it again: it is about {term}, not {subject}.|
  Thanks for sharing this.`,
);

/** Corrections and updates, now and then. */
export const CORRECTION_FRAMES = split(
  `An earlier version of this story misstated the year in which {term} was introduced.|
  This story has been updated with a response from {actor}.|
  An earlier version of this story gave the wrong figure for {term}. It has been corrected.|
  This story has been updated to include the outcome of the {weekday} meeting.`,
);

export const MONTHS = split('January|February|March|April|May|June|July|August|September|October|November|December');
export const WEEKDAYS = split('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');

/** Titles of series (a few stories on one subject, published days apart). */
export const SERIES_FRAMES = split(
  'Inside {subject}|Diaries from {place}|After {term}|The Price of {subject}|Voices from {place}|Fault Lines: {subject}|The Long Road: {subject}|Notes from {place}',
);

/** Authors' biographies: two sentences. */
export const BIO_FRAMES = split(
  `{name} covers {beat} for the {section} desk. Before joining The Dateline Daily in {year}, {first} reported for a regional daily.|
  {name} writes about {beat}. {first} joined The Dateline Daily in {year} after years at a wire service.|
  {name} reports on {beat} for {section}. {first} has covered the beat since {year} and previously worked in broadcast news.|
  {name} is {a-title} on the {section} desk, writing about {beat}. {first} joined in {year}.`,
);

/**
 * Headlines any news topic can use, with two or three slots and often a number, so that a
 * 100,000-story archive rarely writes the same headline twice (a topic's own templates alone would
 * repeat every few hundred stories). Headlines never name a date ({year}, {month}, {weekday}):
 * those follow the clock, and a seed must give the same headlines on any day.
 */
export const NEWS_HEADLINES = split(
  `{Actor} pledge {number} billion won for {subject}|
  {Subject} could cost {number} billion won, {actor} warn|
  {Actor} set a {few}-week deadline on {subject}|
  Survey: {percent} per cent back {subject}|
  {Actor} to review {subject} within {few} weeks|
  {Term} in focus as {actor} meet over {subject}|
  {Actor} signal a shift on {subject}|
  {Subject}: {actor} promise answers within {few} weeks|
  {Term} hits {place} as {subject} stalls|
  {Place} braces for {term}|
  {Actor} say {term} will reshape {subject}|
  What {term} means for {subject} in {place}|
  Years on, {subject} still [divides/divide] {place}|
  {Actor} face a {few}-month deadline on {subject}|
  Inside the fight over {subject} in {place}|
  {Subject} tops the agenda as {actor} meet in {place}|
  {Actor} question {number} billion won plan for {subject}|
  Why {actor} changed course on {subject}|
  {Term}: {actor} call for a rethink of {subject}|
  Q&A: what {subject} means for {actor}|
  {Actor} back {subject} after {number}-hour talks|
  {Subject} delayed by {few} months as {term} bites|
  {Place} faces {term} as {subject} drags on|
  {Actor} split over {term} as the vote nears|
  {Percent} per cent expect {term} to worsen, {actor} find|
  {Subject} then and now: what changed|
  {Actor} demand action on {term} in {place}|
  How {place} is living with {term}|
  {Actor} warn {term} could derail {subject}|
  {Subject} wins backing from {actor}`,
);
