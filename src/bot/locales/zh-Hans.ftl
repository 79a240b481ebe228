welcome =
    你好！我可以回答关于<b>香港流量卡</b>的问题：家庭共享、流量监控，以及怎么选择和调整套餐。
    直接用你自己的话问我就行（简体、繁體或英文都可以），也可以浏览话题。
welcome-samples = 也可以试试这些问题：
help =
    <b>使用方法</b>
    • 直接发送你的问题，只写关键词也可以。
    • /topics 浏览我知道的所有话题。
    • /language 切换简体中文、繁體中文或 English。
    • 在群组里用 /faq 加上问题，或者 @ 我。
    • 在任何聊天里输入我的 @用户名 和问题，就能把答案分享出去。
    我只知道两篇来源文章里的内容；价格和套餐请以运营商官方渠道为准。
topics-title = <b>话题</b>：请选择。
topics-category = <b>{ $category }</b>：请选择问题。
button-topics = 📚 话题
button-back = ⬅️ 返回
button-all-topics = 📚 全部话题
answer-source = 来源：{ $article } · { $section }
answer-related = 相关问题：
suggest-title = 我不太确定你的意思，你是想问：
none-answer = 这个问题我还不知道，已经记下来，之后会补充。你可以先看看下面的话题，都是我能回答的。
feedback-question = 这个回答有帮助吗？
feedback-thanks = 谢谢你的反馈！
feedback-already = 你已经评价过这个回答了。
feedback-ask-missing = 抱歉没帮上忙。你还想知道什么？可以回复这条消息告诉我（可选）。
feedback-comment-thanks = 谢谢，已经记下了。
language-choose = 请选择语言：
language-set = 之后我会用简体中文回答。
non-text = 我只能看懂文字，请把问题打出来。
button-expired = 这个按钮已经失效了，请重新提问。
rate-limited = 你发得有点快，请稍等一下。
faq-usage = 请在 /faq 后面写上问题，例如：/faq 香港流量卡可以家庭共享吗
inline-open-bot = 私聊问我
inline-no-match = 没有找到答案
inline-no-match-description = 点这里，在私聊里问我。
inline-read-more = 在机器人里打开
stats-title = <b>统计</b>
stats-questions = 提问：今天 { $today } 个，总共 { $total } 个
stats-decisions = 已回答 { $answer } · 给出建议 { $suggest } · 未回答 { $none }
stats-unanswered = 未回答最多的问题：
stats-feedback = 各条目的反馈（👍 / 👎）：
stats-none = 暂无
command-start = 开始，看看我能做什么
command-help = 使用方法
command-topics = 浏览全部话题
command-language = 切换语言
command-faq = 在群组里提问
