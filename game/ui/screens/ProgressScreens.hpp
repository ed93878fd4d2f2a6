#pragma once

#include "core/progress/Statistics.hpp"
#include "core/session/Session.hpp"
#include "ui/Screen.hpp"
#include "ui/widgets/Button.hpp"
#include "ui/widgets/Chart.hpp"
#include "ui/widgets/TextBlock.hpp"

#include <memory>
#include <string>
#include <vector>

namespace quiz::ui
{

/// Whether to ask Sure / Unsure / Guess when the player submits: tutor mode, the setting on
/// and a player whose progress is kept (a timed-out question is never asked about).
[[nodiscard]] bool askConfidence(const GameContext& context);
/// Gives the current question of `session` the answer `ids` (empty: unanswered). Returns
/// false when the round was not asking.
bool giveAnswer(core::Session& session, const std::vector<std::string>& ids);

/// Over a just-answered tutor question: "How sure were you?" Sure / Unsure / Guess (keys S,
/// U, G or the mouse). The answer is recorded with the choice, then the feedback follows.
class ConfidenceScreen : public Screen
{
public:
    ConfidenceScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;
    [[nodiscard]] bool isOpaque() const override { return false; }

private:
    void choose(core::Confidence confidence);

    std::vector<std::unique_ptr<Button>> m_buttons;
    sf::FloatRect m_box;
    std::string m_chosenText; ///< "Your answer: B (Platelet count only)"
    TextBlock m_heading;      ///< the question asked, wrapped in the box
    TextBlock m_help;         ///< m_chosenText, wrapped
    bool m_chosen = false;
};

/// The player picker: every profile (the current one marked), a name field, and create,
/// rename and delete (after a confirmation) buttons.
class ProfilesScreen : public Screen
{
public:
    ProfilesScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    void rebuild();
    void create();
    void rename();
    void askDelete();
    void confirmDelete(bool yes);
    void drawConfirmation(sf::RenderTarget& target) const;

    std::vector<std::unique_ptr<Button>> m_players;
    std::vector<std::unique_ptr<Button>> m_actions;
    std::unique_ptr<TextField> m_name;
    Button* m_create = nullptr;
    Button* m_rename = nullptr;
    Button* m_delete = nullptr;
    Button* m_back = nullptr;
    Button* m_confirmYes = nullptr;
    Button* m_confirmNo = nullptr;
    bool m_confirming = false;
    std::size_t m_hiddenPlayers = 0;
    std::string m_message;
    bool m_messageIsError = false;
    float m_listTop = 0.0F;
    float m_fieldLabelY = 0.0F;
    sf::Vector2f m_messagePos;
    sf::FloatRect m_confirmBox;
};

/// One player's statistics: answered count, accuracy, streak, critical errors, mastery bars
/// per topic, accuracy and critical errors per day as charts, and the weakest topics, each
/// with a button that starts a round of it.
class StatisticsScreen : public Screen
{
public:
    StatisticsScreen(ScreenStack& stack, GameContext& context);
    void layout(sf::Vector2f size) override;
    bool handleEvent(const sf::Event& event) override;
    void draw(sf::RenderTarget& target) const override;

private:
    [[nodiscard]] std::string topicTitle(const std::string& packId,
                                         const std::string& topicId) const;
    void practise(const core::TopicMastery& topic);
    /// Shows the next page of mastery bars (back to the first after the last).
    void showMoreTopics();

    core::Statistics m_stats;
    std::unique_ptr<Button> m_more; ///< "Next topics (9 more)"
    std::size_t m_topicOffset = 0;
    std::string m_error;
    std::vector<std::unique_ptr<Button>> m_buttons;
    std::vector<ProgressBar> m_bars;
    std::vector<std::pair<std::string, sf::Vector2f>> m_labels;
    std::size_t m_shownTopics = 0;
    Button* m_back = nullptr;
    LineChart m_accuracyChart;
    BarChart m_criticalChart;
    float m_contentTop = 0.0F;
    float m_noteY = 0.0F;
    sf::FloatRect m_leftColumn;
    sf::FloatRect m_rightColumn;
};

} // namespace quiz::ui
