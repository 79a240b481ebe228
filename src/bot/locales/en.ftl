welcome =
    Hello! I answer questions about <b>Hong Kong data SIM cards</b>: family sharing, keeping an eye on your data usage, and choosing or adjusting a plan.
    Ask me in your own words, in English, 简体中文 or 繁體中文, or browse the topics.
welcome-samples = Or try one of these:
help =
    <b>How to use me</b>
    • Send a question in your own words; keywords are fine too.
    • /topics browses everything I know.
    • /language switches between English, 简体中文 and 繁體中文.
    • In groups, use /faq followed by your question, or mention me.
    • In any chat, type my @username and a question to share an answer.
    I cover family sharing, keeping track of usage, and choosing or adjusting a plan; for prices and current plans, check the carrier's official channels.
topics-title = <b>Topics</b>: pick one.
topics-category = <b>{ $category }</b>: pick a question.
button-topics = 📚 Topics
button-back = ⬅️ Back
button-all-topics = 📚 All topics
button-show-answer = ✅ Yes, show me the answer
answer-source = Source: { $article } · { $section }
answer-related = Related questions:
suggest-title = I'm not sure what you mean. Did you mean:
suggest-one = Did you mean: <b>{ $title }</b>
none-answer = I don't know that yet. I've noted your question so it can be added. Meanwhile, the topics below show what I can answer.
feedback-question = Was this helpful?
feedback-thanks = Thanks for the feedback!
feedback-already = You already rated this answer.
feedback-ask-missing = Sorry that didn't help. What were you looking for? You can reply to this message to tell me (optional).
feedback-comment-thanks = Thank you, noted.
language-choose = Choose a language:
language-set = I'll answer in English from now on.
non-text = I can only read text. Please type your question.
button-expired = This button has expired. Please ask again.
rate-limited = You're sending messages faster than I can read them, so I'm skipping questions for a few seconds. Ask again in a moment: answers to my questions and usage reports still get through.
faq-usage = Send /faq followed by your question, e.g. /faq can hong kong cards share data
inline-open-bot = Ask me in private
inline-no-match = No answer found
inline-no-match-description = Tap to ask me in a private chat.
inline-read-more = Open in the bot
inline-button-open-bot = This button only works in a private chat with me: tap to open one.
stats-title = <b>Statistics</b>
stats-questions = Questions: { $today } today, { $total } in total
stats-decisions = Answered { $answer } · suggested { $suggest } · unanswered { $none }
stats-unanswered = Most asked, still unanswered:
stats-feedback = Feedback per entry (👍 / 👎):
stats-none = none yet
command-start = Start and see what I can do
command-help = How to use the bot
command-topics = Browse all topics
command-language = Change the language
command-faq = Ask a question in a group
command-share = Choose a family-sharing workaround
command-monitor = Set up data-usage monitoring
command-usage = Your data tracker
button-share = 🧭 Choose a sharing workaround
button-monitor = 📊 Set up data monitoring
flow-back = ⬅️ Back
flow-cancel = ✖️ Cancel
flow-cancelled = Cancelled. Ask me anything, or start again whenever you like.
flow-expired = That step-by-step chat ended after 30 minutes without a reply, so I've treated your message as a normal question.
flow-finish-first = Please answer the question above first, or /cancel to leave.
flow-help = You're in a step-by-step chat: tap an answer or type it. ⬅️ Back returns to the previous question, /cancel leaves, /language switches the language. You can also ask me anything about SIM cards along the way.
flow-yes-no = Please answer yes or no, or tap a button.
share-intro = Let's find a way for your group to share data. Five quick questions.
share-people = How many people need mobile data?
share-people-expected = Please type how many people, from 1 to { $max }, e.g. 3.
share-stay = How long will you be in Hong Kong?
share-stay-trip = A short trip (a few days)
share-stay-regular = Regular visits, or I live there
share-stay-expected = Please tap a choice, or type something like “5 days” or “regularly”.
share-together = Will you be together most of the time?
share-together-yes = Mostly together
share-together-no = Often apart
share-use = How much data does each of you use?
share-use-light = Messages and maps
share-use-medium = Social media and photos
share-use-heavy = Video and work
share-use-expected = Please tap a choice, or type light, medium or heavy.
share-occasional = Does anyone only need data now and then, mostly where there's Wi-Fi?
share-occasional-yes = Yes
share-occasional-no = No
share-result-card-each = My suggestion: one card for each person
share-result-hotspot = My suggestion: one card, shared through its hotspot
share-result-public-wifi = My suggestion: public Wi-Fi for the occasional users, a card each for the rest
share-result-family-pool = My suggestion: look at an MVNO with a family data pool
share-why-card-each = Hong Kong cards can't pool data, so the simplest reliable option is a card each: everyone stays online independently, and each person can pick a plan size that suits them.
share-why-hotspot = You'll be together most of the time and none of you is a heavy user, so a hotspot from one card can cover the whole group, and you save on extra cards.
share-why-public-wifi = Anyone who only needs data now and then can rely on the free Wi-Fi in cafés and malls; the others get their own cards.
share-why-family-pool = A larger group that is in Hong Kong regularly could look at the few small MVNOs now trying a shared “family group” data pool.
share-caveat-card-each = It costs more than sharing: choose each plan size by usage, and check current plans on the carrier's official channels.
share-caveat-hotspot = Carriers may slow down hotspot use. Everyone draws on one allowance, so it runs out faster, and the hotspot drains the phone's battery: check your data often and bring a power bank.
share-caveat-public-wifi = Away from Wi-Fi they'll be offline, so anyone who needs to stay reachable should still have a card or use someone's hotspot.
share-caveat-family-pool = These products are new and niche, and their reliability isn't proven yet: check with the provider exactly how the pool works before you buy.
monitor-carrier = Which carrier is your card from?
carrier-cmhk = China Mobile Hong Kong
carrier-hkt = HKT / csl / 1O1O
carrier-smartone = SmarTone
carrier-three = 3HK
carrier-unicom = China Unicom HK
carrier-mvno = Another MVNO
carrier-unsure = Not sure
monitor-carrier-expected = Please tap your carrier, or type its name.
monitor-how-major = The big carriers generally offer an official self-service app or online account: log in there to see how much data you've used and how much is left.
monitor-how-mvno = Check the MVNO's own official app or website; some smaller brands only report usage by SMS.
monitor-how-unsure = The card's packaging, or the SMS you got when you activated it, names the carrier; its official app or online account shows your usage.
monitor-how-sms = Some cards report usage by SMS instead; check the carrier's official channels for how yours does it.
monitor-how-phone = Your phone keeps its own count too. iPhone: Settings → Mobile Service (or Cellular) shows usage for the current period; tap Reset Statistics at the bottom when you put the card in. Android: Settings → Network & internet → SIMs / Data usage; set the cycle to start on the day you put the card in, and turn on a data warning. The phone's figure may differ slightly from the carrier's. Menu names vary by phone maker and system version.
monitor-offer = Shall I keep track of this card for you? Tell me your plan, send me your usage now and then, and I'll warn you before the data runs out.
monitor-offer-yes = Yes, track it
monitor-offer-no = No, thanks
monitor-done = All right. Send /monitor whenever you want this again.
tracker-ask-total = How much data does your plan include? (e.g. 10GB, 500MB)
tracker-expected-total = Please type an amount like 10GB, 1.5 G or 500MB.
tracker-ask-days = How many days is the plan valid for?
tracker-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
tracker-expected-days = Please type a number of days from 1 to { $max }, e.g. 7.
tracker-ask-start = When did the plan start?
tracker-start-today = Today
tracker-start-yesterday = Yesterday
tracker-expected-start = Please tap Today or Yesterday, or type a date, day first: 30/11, 30 Nov or “3 days ago”.
tracker-ask-threshold = How much data should be left when I warn you? (a percentage of the plan, or an amount like 500MB)
tracker-expected-threshold = Please type a percentage like 20%, or an amount smaller than the plan, like 500MB.
tracker-confirm = Your tracker: { $total } for { $days ->
    [one] 1 day
   *[other] { $days } days
} from { $start }, with a warning when { $threshold } is left. Daily check-in: { $checkIn }. Save it?
tracker-confirm-save = ✅ Save
tracker-confirm-edit = ✏️ Edit
tracker-saved = Saved. Send /used with the figure your phone shows (e.g. /used 2.3GB), or just “used 2.3GB”; /usage shows where you stand.
usage-title = Your data
usage-summary = Used { $used } of { $total } ({ $left } left); { $days ->
    [one] 1 day
   *[other] { $days } days
} left, until { $last }.
usage-ended = This plan has ended. /monitor starts a new one.
usage-budget = To make it last: about { $budget } a day.
usage-runs-out = At your recent pace the data runs out around { $date }.
usage-no-readings = No usage reported yet: send /used with the figure your phone shows, e.g. /used 1.2GB.
tracker-pause = ⏸ Pause reminders
tracker-resume = ▶️ Resume reminders
tracker-delete = 🗑 Delete tracker
tracker-paused = Reminders paused.
tracker-resumed = Reminders resumed.
tracker-delete-confirm = Delete your tracker and its whole history?
tracker-delete-yes = Yes, delete
tracker-deleted = Deleted: your plan and readings are gone.
tracker-none = You have no tracker yet. Set one up and I'll warn you before the data runs out.
alert-threshold = Only { $left } left. To make it last until the plan ends, use no more than about { $budget } a day.
alert-pace = At your recent pace the data runs out around { $date }, before the plan ends.
used-expected = Please send the total used so far, e.g. /used 2.3GB, or an increase, e.g. /used +300MB.
used-lower = { $used } is less than the { $last } you reported before. Was the card reset or topped up?
used-lower-reset = Yes, start counting again
used-lower-typo = No, it was a typo
used-negative = Usage can't be negative.
used-above-plan = That is far more than your { $total } plan; please check the number.
tracker-ask-check-in = Shall I ask you once a day how much data you've used? Pick a time (Hong Kong time), or tap None.
tracker-check-in-none = None
tracker-expected-check-in = Please tap a time, type one like 9pm or 20:00, or say no.
reminder-check-in = Daily check-in: how much data has your card used so far? Reply with something like “used 2.3GB” (or /used 2.3GB).
reminder-plan-ended = Your plan has ended: you used { $used } of { $total }. Start a new tracker for your next plan?
flow-outdated = The bot was updated, so the step-by-step chat you were in has ended. Start it again with /share or /monitor.
tracker-edit = ✏️ Edit the plan
reload-done = Knowledge base reloaded: { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
}.
reload-refused = Knowledge base edit refused; still using the previous version:
group-private-share = Choosing a sharing workaround takes a few questions, so let's do it in a private chat.
group-private-monitor = Setting up data monitoring takes a few questions, so let's do it in a private chat.
group-private-usage = Your data tracker is just for you, so it lives in our private chat.
button-private-chat = 💬 Open a private chat
group-help =
    <b>Using me in this group</b>
    • /faq <i>question</i>: ask me about Hong Kong data SIM cards.
    • Mention @{ $bot } in a message with your question, or reply to one of my messages.
    • In any chat, type @{ $bot } <i>question</i> to pick an answer and send it there.
    Sharing workarounds, data monitoring and your usage tracker are in a private chat with me.
small-talk-thanks =
    You're welcome!
    Anything else about Hong Kong data cards? Just ask, or browse with /topics.
small-talk-greeting = Hi! I answer questions about Hong Kong data SIM cards: family sharing, keeping an eye on your data usage, and choosing a plan. Type your question, or browse with /topics.
small-talk-goodbye = Bye! Come back whenever you have a question about your card.
small-talk-junk = I couldn't tell what you'd like to ask. Type your question in words, e.g. “can I share data with my family?”, or browse with /topics.

# Asking back instead of guessing
flow-did-you-mean = Did you mean { $answer }?
flow-which = Which did you mean?
flow-something-else = ✏️ Something else
flow-refused-future = That date is after today: I can only track a plan that has already started.
flow-refused-ended = That plan has already ended.
flow-refused-invalid-date = That date doesn't exist.
flow-refused-above-plan = That's not below the plan's { $total }: the warning has to come before the data runs out.
flow-refused-negative = An amount can't be negative.
flow-refused-out-of-range = That number is out of range for this question.
flow-usage-later = That looks like a usage report, but you have no data tracker yet. Once one is set up (/monitor), send it again and I'll record it.
share-people-count = { $people ->
    [one] 1 person
   *[other] { $people } people
}
share-people-too-many = That's a big group! I can plan for up to { $max } people: for more, tap 5+.
tracker-start-ended = A { $days ->
    [one] 1-day
   *[other] { $days }-day
} plan that started on { $start } has already ended. Did it start today?
used-which = Which did you mean?
used-as-used = { $amount } used so far
used-as-more = { $amount } more since last time
used-as-left = { $amount } left
tracker-kept = OK, your tracker stays as it is.
used-typo-kept = OK, I've kept your last reading. Send the right figure whenever you're ready.
group-private-plan = Your data tracker is just for you, so let's edit its plan in our private chat.
small-talk-okay = 👌 Ask me whenever something comes up, or browse with /topics.
group-private-used = Your data tracker is just for you: tap below to record this in our private chat. Nothing is recorded here.
