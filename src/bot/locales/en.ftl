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
rate-limited = You're sending messages quickly. Please wait a moment.
faq-usage = Send /faq followed by your question, e.g. /faq can hong kong cards share data
inline-open-bot = Ask me in private
inline-no-match = No answer found
inline-no-match-description = Tap to ask me in a private chat.
inline-read-more = Open in the bot
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
