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
    I only know what my two source articles say; for prices and plans, check the carrier's official channels.
topics-title = <b>Topics</b>: pick one.
topics-category = <b>{ $category }</b>: pick a question.
button-topics = 📚 Topics
button-back = ⬅️ Back
button-all-topics = 📚 All topics
answer-source = Source: { $article } · { $section }
answer-related = Related questions:
suggest-title = I'm not sure what you mean. Did you mean:
none-answer = I don't know that yet. I've noted your question so it can be added. Meanwhile, the topics below show what I can answer.
feedback-question = Was this helpful?
feedback-thanks = Thanks for the feedback!
feedback-already = You already rated this answer.
feedback-ask-missing = Sorry it didn't help. What were you missing? Reply to this message (optional).
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
inline-button-open-bot = This button works in a chat with me: tap to open it.
stats-title = <b>Statistics</b>
stats-questions = Questions: { $today } today, { $total } in total
stats-decisions = Answered { $answer } · suggested { $suggest } · unanswered { $none }
stats-unanswered = Top unanswered:
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
flow-expired = That step-by-step chat expired after 30 minutes; here is your message handled as usual.
flow-finish-first = Please answer the question above first, or /cancel to leave.
flow-help = You're in a step-by-step chat: tap an answer or type it. ⬅️ Back goes to the previous question, /cancel leaves, /language switches the language. You can also ask me a question about cards in between.
flow-yes-no = Please answer yes or no, or tap a button.
share-intro = Let's find a way for your group to share data. Five quick questions.
share-people = How many people need mobile data?
share-people-expected = Please type a number of people from 1 to { $max }, e.g. 3.
share-stay = How long are you in Hong Kong?
share-stay-trip = A trip of some days
share-stay-regular = Regularly / living there
share-stay-expected = Please tap a choice, or type e.g. "5 days" or "regularly".
share-together = Do you stay together most of the time?
share-together-yes = Mostly together
share-together-no = Often apart
share-use = How heavy is the use?
share-use-light = Messages and maps
share-use-medium = Social media and photos
share-use-heavy = Video and work
share-use-expected = Please tap one, or type light, medium or heavy.
share-occasional = Does anyone mainly need data only now and then, where Wi-Fi is around?
share-occasional-yes = Yes
share-occasional-no = No
share-result-card-each = My suggestion: one card for each person
share-result-hotspot = My suggestion: one card, shared through its hotspot
share-result-public-wifi = My suggestion: public Wi-Fi for the light users, a card for the rest
share-result-family-pool = My suggestion: look at an MVNO with a family data pool
share-why-card-each = Hong Kong cards can't pool data, so the simplest dependable way is a card each: everyone stays online on their own, and each card can be on a tier that suits its user.
share-why-hotspot = You're together most of the time and not heavy users, so one card's hotspot can cover the group and save buying more cards.
share-why-public-wifi = Someone who only needs data now and then can rely on the free Wi-Fi in cafés and malls; the others get their own cards.
share-why-family-pool = A larger group that is in Hong Kong regularly is who a pooled "family group" plan from a small MVNO is made for.
share-caveat-card-each = Costs more than sharing; pick each tier by usage and confirm current plans on the carrier's official channels.
share-caveat-hotspot = The article warns carriers may throttle hotspot use, everyone drains one allowance faster, and the hotspot phone's battery runs down: check data often and bring a power bank.
share-caveat-public-wifi = Away from Wi-Fi they are offline, so anyone who must be reachable should still have a card or join your hotspot.
share-caveat-family-pool = These products are new and niche, and their stability is not proven yet: confirm with the provider exactly how the pool works before you buy.
monitor-carrier = Which carrier is your card from?
carrier-cmhk = China Mobile Hong Kong
carrier-hkt = HKT / csl / 1O1O
carrier-smartone = SmarTone
carrier-three = 3HK
carrier-unicom = China Unicom HK
carrier-mvno = Another MVNO
carrier-unsure = Not sure
monitor-carrier-expected = Please tap your carrier, or type its name.
monitor-how-major = Your carrier runs its own official self-service app and online account: log in there to see used and remaining data.
monitor-how-mvno = Check the MVNO's own official app or website; some smaller brands only send usage by SMS.
monitor-how-unsure = The card's packaging or the SMS you got on activation names the carrier; its official app or online account shows your usage.
monitor-how-sms = Many cards also send SMS alerts as the data runs low; check the carrier's official channels for how they work on yours.
monitor-how-phone = Your phone counts too. iPhone: Settings → Mobile Service (Cellular) shows use for the current period; reset the statistics at the bottom when you insert the card. Android: Settings → Network & internet → SIMs / Data usage; set the cycle to start the day you insert the card and turn on a data warning. The phone's count may differ a little from the carrier's.
monitor-offer = Shall I track this card for you? Tell me your plan, send me your usage now and then, and I'll warn you before the data runs out.
monitor-offer-yes = Yes, track it
monitor-offer-no = No, thanks
monitor-done = All right. /monitor brings this back whenever you want.
tracker-ask-total = How much data does the plan have? (e.g. 10GB, 500MB)
tracker-expected-total = Please type an amount like 10GB, 1.5 G or 500MB.
tracker-ask-days = How many days is the plan valid?
tracker-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
tracker-expected-days = Please type a number of days from 1 to { $max }, e.g. 7.
tracker-ask-start = When did the plan start?
tracker-start-today = Today
tracker-start-yesterday = Yesterday
tracker-expected-start = Please tap Today or Yesterday, or type a date: day first, like 30/11, or 30 Nov, or "3 days ago".
tracker-ask-threshold = Warn you when how much is left? (a share of the plan, or an amount like 500MB)
tracker-expected-threshold = Please type a percentage like 20% or an amount like 500MB, less than the plan.
tracker-confirm = Your tracker: { $total } for { $days } days from { $start }, warning at { $threshold } left. Daily check-in: { $checkIn }. Save it?
tracker-confirm-save = ✅ Save
tracker-confirm-edit = ✏️ Edit
tracker-saved = Saved. Send /used followed by what the phone shows (e.g. /used 2.3GB), or just "used 2.3GB"; /usage shows where you stand.
usage-title = Your data
usage-summary = Used { $used } of { $total }, { $left } left; { $days ->
    [one] 1 day
   *[other] { $days } days
} left (until { $last }).
usage-ended = This plan has ended. /monitor starts a new one.
usage-budget = To last until the end: about { $budget } a day.
usage-runs-out = At your recent pace the data runs out around { $date }.
usage-no-readings = No usage reported yet: send /used 1.2GB with what your phone shows.
tracker-pause = ⏸ Pause reminders
tracker-resume = ▶️ Resume reminders
tracker-delete = 🗑 Delete tracker
tracker-paused = Reminders paused.
tracker-resumed = Reminders resumed.
tracker-delete-confirm = Delete your tracker and its whole history?
tracker-delete-yes = Yes, delete
tracker-deleted = Deleted: your plan and readings are gone.
tracker-none = You have no tracker yet. Set one up and I'll warn you before the data runs out.
alert-threshold = Only { $left } left. To last until the plan ends, keep to about { $budget } a day.
alert-pace = At your recent pace the data runs out around { $date }, before the plan ends.
used-expected = Please send the total used so far, e.g. /used 2.3GB, or an increase, e.g. /used +300MB.
used-lower = { $used } is less than the { $last } you reported before. Was the card reset or refilled?
used-lower-reset = Yes, start counting again
used-lower-typo = No, a typo
used-negative = Usage can't be negative.
used-above-plan = That is far more than your { $total } plan; please check the number.
tracker-ask-check-in = Shall I ask you for your usage once a day? At what time (Hong Kong)?
tracker-check-in-none = No daily check-in
tracker-expected-check-in = Please tap a time, type one like 9pm or 20:00, or say no.
reminder-check-in = Daily check-in: how much data has your card used so far? Reply like "used 2.3GB" (or /used 2.3GB).
reminder-plan-ended = Your plan has ended: you used { $used } of { $total }. Start a new tracker for your next plan?
flow-outdated = The bot was updated, so the step-by-step chat you were in has ended. Start it again with /share or /monitor.
tracker-edit = ✏️ Edit the plan
reload-done = Knowledge base reloaded: { $entries } entries.
reload-refused = Knowledge base edit refused; the previous version keeps serving:
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
flow-refused-invalid-date = That day doesn't exist in the calendar.
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
group-private-plan = Your data tracker is just for you, so its plan is edited in our private chat.
small-talk-okay = 👌 Ask me whenever something comes up, or browse with /topics.
group-private-used = Your data tracker is just for you: tap below to record this in our private chat. Nothing is recorded here.
