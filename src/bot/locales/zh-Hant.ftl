welcome =
    你好！我可以解答關於<b>香港流量卡</b>嘅問題：家庭共享、流量監控，同埋點樣揀同調整計劃。
    直接用你自己嘅說話問我就得（繁體、简体或英文都可以），亦可以瀏覽話題。
welcome-samples = 亦可以試吓呢啲問題：
help =
    <b>使用方法</b>
    • 直接發送你嘅問題，淨係寫關鍵字都得。
    • /topics 瀏覽我識答嘅所有話題。
    • /language 切換繁體中文、简体中文或 English。
    • 喺群組入面用 /faq 加問題，或者 @ 我。
    • 喺任何對話輸入我嘅 @用戶名 同問題，就可以分享答案。
    我只知道兩篇來源文章嘅內容；價錢同計劃請以電訊商官方渠道為準。
topics-title = <b>話題</b>：請揀一個。
topics-category = <b>{ $category }</b>：請揀問題。
button-topics = 📚 話題
button-back = ⬅️ 返回
button-all-topics = 📚 全部話題
answer-source = 來源：{ $article } · { $section }
answer-related = 相關問題：
suggest-title = 我唔太肯定你嘅意思，你係咪想問：
none-answer = 呢個問題我暫時未識答，已經記低咗，之後會補充。你可以睇吓下面嘅話題，都係我識答嘅。
feedback-question = 呢個答案有冇幫助？
feedback-thanks = 多謝你嘅意見！
feedback-already = 你已經評過呢個答案喇。
feedback-ask-missing = 唔好意思幫唔到你。你仲想知啲乜？可以回覆呢條訊息話我知（可選）。
feedback-comment-thanks = 多謝，已經記低咗。
language-choose = 請揀語言：
language-set = 之後我會用繁體中文回答。
non-text = 我只睇得明文字，請打字問我。
button-expired = 呢個按鈕已經失效，請重新發問。
rate-limited = 你發得有啲快，請等一陣。
faq-usage = 請喺 /faq 後面寫問題，例如：/faq 香港流量卡可唔可以家庭共享
inline-open-bot = 私訊問我
inline-no-match = 搵唔到答案
inline-no-match-description = 撳呢度，喺私訊問我。
inline-read-more = 喺機械人度打開
stats-title = <b>統計</b>
stats-questions = 提問：今日 { $today } 個，總共 { $total } 個
stats-decisions = 已回答 { $answer } · 俾咗建議 { $suggest } · 未回答 { $none }
stats-unanswered = 最多人問但未答到嘅問題：
stats-feedback = 每個條目嘅意見（👍 / 👎）：
stats-none = 暫時冇
command-start = 開始，睇吓我識做乜
command-help = 使用方法
command-topics = 瀏覽全部話題
command-language = 切換語言
command-faq = 喺群組發問
