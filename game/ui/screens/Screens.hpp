#pragma once

#include "core/pack/QuestionKey.hpp"
#include "core/session/Session.hpp"
#include "ui/PlayerProgress.hpp"
#include "ui/Screen.hpp"
#include "ui/screens/ScreenKit.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/NumberField.hpp"
#include "ui/widgets/Panel.hpp"
#include "ui/widgets/ScrollArea.hpp"
#include "ui/widgets/StandingCard.hpp"
#include "ui/widgets/TextBlock.hpp"
#include "ui/widgets/TopicPicker.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quiz::ui
{

class ReviewRow;

/// The home screen: who is playing (renamed on the spot from a one-line prompt, offered at
/// once on a first start), where they stand (due today, streak, weakest topics), Continue
/// (core::chooseNextStep: due reviews, then the weakest topic, then new questions) beside Play,
/// Review missed, Statistics, Choose player, the class games, Settings and Quit; the pack count
/// and the education-only notice.
class TitleScreen : public Screen
{
public:
    TitleScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    /// Reads where the player stands again (after a round or a change of player).
    void refreshProgress();
    void rebuildFocus();
    /// Asks "Quit Heparin Quiz?" before closing the window.
    void confirmQuit();
    void startContinue();
    void startRename();
    void saveName();
    void cancelRename();
    /// The player line from `top`, `width` wide at `left`; returns its height.
    float layoutPlayerLine(float left, float top, float width);
    /// Continue, its explanation and the other buttons in a grid of up to `columns` a row;
    /// returns the height.
    float layoutActions(float left, float top, float width, float buttonHeight,
                        std::size_t columns);
    void fillStanding();
    [[nodiscard]] std::string describeNextStep() const;
    [[nodiscard]] std::string statusText() const;

    std::vector<std::unique_ptr<Button>> m_buttons;
    std::vector<Button*> m_grid; ///< the buttons below Continue, in reading order
    Button* m_continue = nullptr;
    Button* m_play = nullptr;
    Button* m_review = nullptr;
    Button* m_statistics = nullptr;
    Button* m_player = nullptr;
    Button* m_classroom = nullptr;
    Button* m_errors = nullptr;
    Button* m_quit = nullptr;
    Button* m_rename = nullptr;
    Button* m_saveName = nullptr;
    std::unique_ptr<TextField> m_name;
    bool m_renaming = false;
    std::string m_nameError;
    HomeSummary m_home;
    std::vector<core::QuestionKey> m_missed; ///< what "Review missed" plays, most urgent first
    StandingCard m_standing;
    TextBlock m_playerText;
    TextBlock m_nextText;
    TextBlock m_status;
    float m_titleY = 0.0F;
    float m_bandHeight = 0.0F;
};

/// Packs and topics (tick boxes with counts), number of questions, mode, timer and seed.
class SetupScreen : public Screen
{
public:
    SetupScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void refresh();
    void start();
    /// The seed of the round just played goes back in the field and is kept (R, or a click).
    void replayLastSeed();
    /// Tab and Shift+Tab treat the list of boxes as one stop.
    void tabPastList(int direction);

    ScrollArea m_topics;
    TopicPicker m_picker; ///< the boxes inside m_topics
    std::vector<std::unique_ptr<Button>> m_buttons;
    Button* m_modeTutor = nullptr;
    Button* m_modeExam = nullptr;
    Button* m_start = nullptr;
    Button* m_replay = nullptr; ///< shown once a round has been played
    std::unique_ptr<TextField> m_seed;
    std::vector<Caption> m_labels; ///< row captions
    sf::FloatRect m_countBox;
    sf::FloatRect m_timerBox;
    std::size_t m_matching = 0;
    std::string m_message;
    sf::Vector2f m_messagePos;
    sf::Vector2f m_modeHelpPos;
};

/// The stem, the options, hints, progress and the timer of the current question.
class QuestionScreen : public Screen
{
public:
    QuestionScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target) const override;
    [[nodiscard]] bool needsTicks() const override;

private:
    /// Lays the options out from `top` down, tighter or in two columns when many would not
    /// fit above `bottom`; returns the y below them.
    float layoutOptions(float left, float top, float width, float bottom);
    void pick(std::size_t position);
    /// The option ids selected now, in shown order.
    [[nodiscard]] std::vector<std::string> chosenIds() const;
    /// Shows (or clears) "Nothing is selected" and renames Submit to "Leave unanswered".
    void setBlankWarning(bool on);
    void submit();
    /// A numeric question: reads the typed number (a message under the field when it is not
    /// one) and answers with it.
    void submitNumber();
    /// Typing, Backspace and Ctrl+H on a numeric question; true when the event was used.
    bool handleNumberEvent(const sf::Event& event);
    /// Says why a typed character was not taken.
    void refuse(const std::string& refused);
    void showHint();
    /// Between Hint and Submit: "Nothing is selected ..." or "More below ...".
    void drawFooterNote(sf::RenderTarget& target) const;
    /// The right edge of the footer's left buttons (Leave, Hint): notes start after it.
    [[nodiscard]] float footerLeftEnd() const;

    ScrollArea m_body;
    TextBlock* m_stem = nullptr;
    std::vector<OptionButton*> m_options;
    std::vector<Panel*> m_hints;
    Panel* m_case = nullptr;               ///< the case above a question of a case
    TextBlock* m_rule = nullptr;           ///< a numeric question's rounding rule and unit
    NumberField* m_number = nullptr;       ///< a numeric question's answer field
    std::unique_ptr<Button> m_leaveButton; ///< asks "Leave the round?", as Esc does
    std::unique_ptr<Button> m_hintButton;
    std::unique_ptr<Button> m_submitButton;
    ProgressBar m_progress;
    ProgressBar m_timerBar;
    std::size_t m_index = 0;
    std::optional<std::size_t> m_selected; ///< a single-answer choice not yet submitted
    bool m_blankWarning = false;
    sf::FloatRect m_figureBox;
    std::shared_ptr<void> m_figure; ///< the figure texture, when there is one
    std::string m_figureAlt;
    float m_footerTop = 0.0F;
};

/// After a tutor-mode answer: right or wrong by icon and word, points, every option with
/// its rationale, the explanation, references, and a banner for a critical choice.
class FeedbackScreen : public Screen
{
public:
    FeedbackScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void next();

    ScrollArea m_body;
    std::unique_ptr<Button> m_leave; ///< asks "Leave the round?", as Esc does
    std::unique_ptr<Button> m_next;
    std::string m_verdict;
    sf::Color m_verdictColor;
    std::string m_points;
    float m_bannerHeight = 0.0F;
    float m_footerTop = 0.0F;
};

/// Score, percentage, time, per-topic bars, critical errors, and a review of every question.
class ResultsScreen : public Screen
{
public:
    ResultsScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void retryMissed();
    void toggleFilter();
    /// Focus in reading order over the summary, the filter, the rows and the buttons.
    void rebuildFocus(Widget* focused);
    /// The filter button and the compact list (with the open question's feedback) in `area`.
    void layoutReview(const sf::FloatRect& area);
    float addReviewRow(std::size_t index, const core::AnswerRecord& answer, float x, float y,
                       float width);
    bool handleKey(const sf::Event& event);

    ScrollArea m_summary;
    ScrollArea m_review;
    std::vector<std::unique_ptr<Button>> m_buttons;
    std::unique_ptr<Button> m_filter; ///< "Missed only" / "Show all"
    std::vector<ReviewRow*> m_rows;   ///< owned by m_review
    std::vector<std::size_t> m_rowIndex;
    std::optional<std::size_t> m_open; ///< the question whose feedback is shown
    std::optional<std::size_t> m_focusRow;
    bool m_missedOnly = false;
    bool m_rebuild = false;
    std::string m_reviewTitle;
    Button* m_retry = nullptr;
    float m_footerTop = 0.0F;
    std::string m_notice;
};

/// Fullscreen, text size, high contrast, sound and volume, default timer. Saved on change.
class SettingsScreen : public Screen
{
public:
    SettingsScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void changed();

    std::vector<std::unique_ptr<Widget>> m_owned;
    std::vector<std::pair<std::string, sf::Vector2f>> m_labels;
    std::vector<std::pair<std::string, sf::Vector2f>> m_values;
    Checkbox* m_fullscreen = nullptr;
};

/// Every pack file that has errors, with its diagnostics; those packs are skipped.
class PackErrorsScreen : public Screen
{
public:
    PackErrorsScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    ScrollArea m_list;
    std::unique_ptr<Button> m_back;
};

/// What leaving the round now does, in words: answers already given stay in the player's
/// history; the round ends without results.
[[nodiscard]] std::string leaveMessage(const GameContext& context);

/// A yes-or-no question over the screen below: what context.confirmRequest asks, else
/// "Leave the round?" over the running game. The safe answer has the focus.
class ConfirmScreen : public Screen
{
public:
    ConfirmScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;
    [[nodiscard]] bool isOpaque() const override { return false; }

private:
    std::unique_ptr<Button> m_stay;
    std::unique_ptr<Button> m_leave;
    std::string m_title;
    TextBlock m_message;
    sf::FloatRect m_box;
};

} // namespace quiz::ui
