#pragma once

#include "core/classroom/Classroom.hpp"
#include "ui/Screen.hpp"
#include "ui/screens/ScreenKit.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/NumberField.hpp"
#include "ui/widgets/Panel.hpp"
#include "ui/widgets/QrCode.hpp"
#include "ui/widgets/ScrollArea.hpp"
#include "ui/widgets/TopicPicker.hpp"

#include <memory>
#include <string>
#include <vector>

namespace quiz::net
{
struct QuestionShow;
}

namespace quiz::ui
{

struct ClassSearch;

/// Sets up a class game: packs and topics, projector teams (2 to 8, named) or a live class,
/// question count, countdown, speed bonus, streaks and automatic reveal.
class ClassSetupScreen : public Screen
{
public:
    ClassSetupScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void refresh();
    void start();

    ScrollArea m_topics;
    TopicPicker m_picker; ///< the boxes inside m_topics
    std::vector<std::unique_ptr<Widget>> m_owned;
    std::vector<TextField*> m_teamFields;
    Button* m_projector = nullptr;
    Button* m_live = nullptr;
    Button* m_start = nullptr;
    Button* m_back = nullptr;
    std::vector<Button*> m_steppers; ///< teams -/+, questions -/+, countdown -/+
    Checkbox* m_speed = nullptr;
    Checkbox* m_streaks = nullptr;
    Checkbox* m_autoReveal = nullptr;
    std::vector<Caption> m_labels; ///< column captions, wrapped to their column
    sf::FloatRect m_teamBox;
    sf::FloatRect m_countBox;
    sf::FloatRect m_timerBox;
    sf::Vector2f m_livePos;
    sf::Vector2f m_messagePos;
    bool m_isLive = false;
    std::size_t m_teamCount = 4;
    int m_count = 10;
    int m_timer = 0;
    std::size_t m_matching = 0;
    std::string m_message;
};

/// The instructor's screen for a class game, projector or live: lobby, question with who has
/// answered, the room's answers at reveal, leaderboard and the final podium.
class ClassHostScreen : public Screen
{
public:
    ClassHostScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target) const override;
    /// A live class polls the network; a projector game only while its countdown runs (it
    /// otherwise changes only on a key press, so the game can wait for one and use no CPU).
    [[nodiscard]] bool needsTicks() const override;

private:
    void rebuild();
    void layoutQuestion(sf::Vector2f size, float top, float bottom);
    void pickOption(std::size_t position);
    void lockTeam();
    void lockTeamNumber();
    /// After a team's typed answer went to the game: says it was locked or why not, and
    /// empties the field for the next team.
    void closeTyping(core::ClassRefusal refusal);
    [[nodiscard]] bool isTypingNumber() const;
    /// Ordering and matching (ClassHostSteps.cpp): the items or prompts and choices by letter,
    /// what to type and, on the projector, the letters field; a team's typed letters locked;
    /// a click on an item typing its letter.
    void addStepsQuestion(const core::Question& question, bool live);
    void lockTeamSteps();
    void typeLetter(std::size_t position);
    void pace(core::HostCommand command);
    /// End, Skip and Kick act on their second press: the first one asks (`label` on the
    /// button, `question` below the bar) and returns false.
    bool confirmFirst(int which, const std::string& label, const std::string& question);
    void cancelConfirmation();
    /// The reveal's explanation: the correct answer, why it is right, and why the wrong
    /// answers the room chose most are wrong.
    [[nodiscard]] std::unique_ptr<Panel> buildRevealPanel(const core::Question& question) const;
    /// A numeric question's reveal: the correct value, the worked solution and the slips the
    /// room made most, each with its explanation.
    void addNumericReveal(Panel& panel, const core::Question& question) const;
    /// An ordering or matching question's reveal: the right order (or pairs) by the letters
    /// shown, each with its rationale, and the explanation.
    void addStepsReveal(Panel& panel, const core::Question& question) const;
    void exportCsv();
    bool handleKey(const sf::Event& event);
    void drawLobby(sf::RenderTarget& target, float top) const;
    void drawQuestion(sf::RenderTarget& target, float top) const;
    void drawReveal(sf::RenderTarget& target, float top) const;
    /// A large "Paused" panel in place of the question while the instructor has stopped the
    /// clock.
    void drawPaused(sf::RenderTarget& target) const;

    std::vector<std::unique_ptr<Widget>> m_owned;
    std::vector<Button*> m_bar; ///< pacing buttons along the bottom
    std::vector<OptionButton*> m_options;
    std::vector<Button*> m_handButtons; ///< -/+ per option in show-of-hands mode
    std::vector<Button*> m_teamButtons; ///< one per team (projector) to pick who answers
    ScrollArea m_body;                  ///< stem and options (question), rationale (reveal)
    TextBlock* m_stem = nullptr;
    /// Projector, numeric question: the chosen team's typed number; ordering and matching: its
    /// typed letters (nullptr otherwise).
    NumberField* m_numberField = nullptr;
    TextBlock* m_numberRule = nullptr; ///< its rounding rule and unit (or what to type), above it
    TextBlock* m_prompts = nullptr;    ///< a matching question's numbered prompts
    bool m_stepsTyping = false;        ///< an ordering or matching question is asked
    std::vector<std::string> m_stepsHint; ///< projector: what a team types, line by line
    bool m_swallowText = false;           ///< drop the character of the digit key that chose a team
    std::uint64_t m_serial = ~0ULL;
    std::size_t m_playerCount = 0;
    std::size_t m_team = 0; ///< team picked to answer next (projector)
    bool m_teamChosen = false;
    std::vector<std::string> m_pending; ///< options ticked for a select-all answer
    bool m_hands = false;               ///< show-of-hands entry instead of team answers
    std::size_t m_selectedPlayer = 0;   ///< lobby: who Kick removes
    bool m_confirmLeave = false;
    int m_confirming = -1; ///< the pacing button waiting for its second press, or -1
    std::string m_notice;
    sf::FloatRect m_chartBox;
    sf::FloatRect m_sideBox;
    JoinPanel m_join; ///< live lobby: QR code, addresses and class code
    float m_footerTop = 0.0F;
};

/// "Join a class": address (typed or found on the network), class code and nickname.
class ClassJoinScreen : public Screen
{
public:
    ClassJoinScreen(ScreenStack& stack, GameContext& context);
    ~ClassJoinScreen() override;
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target) const override;
    [[nodiscard]] bool needsTicks() const override { return true; }

    /// Fills the fields (render tests and a rejoin after a drop).
    void setFields(const std::string& address, const std::string& code,
                   const std::string& nickname);

private:
    /// Starts connecting in the background; the screen says so and waits in update().
    void join();
    /// Once the connection attempt has ended: on to the class, or why not.
    void finishJoining();
    void rebuildFound();
    [[nodiscard]] ClassSearch& search();

    std::vector<std::unique_ptr<Widget>> m_owned;
    TextField* m_address = nullptr;
    TextField* m_code = nullptr;
    TextField* m_nickname = nullptr;
    Button* m_join = nullptr;
    Button* m_back = nullptr;
    Button* m_search = nullptr;
    std::vector<std::unique_ptr<Button>> m_found;
    std::unique_ptr<ClassSearch> m_searchState;
    std::size_t m_foundCount = 0;
    std::vector<std::pair<std::string, sf::Vector2f>> m_labels;
    std::string m_message;
    sf::Vector2f m_messagePos;
    sf::Vector2f m_foundPos;
    bool m_connecting = false;
};

/// A student's own screen in a live class: lobby, the question with its options, whether the
/// answer was right with the rationale, their place, and a rejoin after a drop.
class ClassStudentScreen : public Screen
{
public:
    ClassStudentScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    bool update(std::chrono::milliseconds elapsed) override;
    void draw(sf::RenderTarget& target) const override;
    [[nodiscard]] bool needsTicks() const override { return true; }

private:
    void rebuild();
    void pick(std::size_t position);
    void send();
    [[nodiscard]] std::string signature() const;
    /// Numeric, ordering and matching questions: what to type, the items or the prompts and
    /// choices by letter, and the field (ClassStudentSteps.cpp). A click on an item types its
    /// letter.
    void addTypedQuestion(const net::QuestionShow& question, bool locked);
    void typeInto(sf::Uint32 character);

    ScrollArea m_body;
    std::vector<OptionButton*> m_options;
    NumberField* m_field = nullptr; ///< the typed answer of a numeric, ordering or matching one
    std::unique_ptr<Button> m_send;
    std::unique_ptr<Button> m_rejoin;
    std::unique_ptr<Button> m_leave;
    std::string m_shown; ///< what the body was built for
    std::string m_status;
    float m_footerTop = 0.0F;
};

} // namespace quiz::ui
