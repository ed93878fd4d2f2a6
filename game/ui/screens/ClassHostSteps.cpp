// Ordering and matching questions on the class host screen: the items (or the prompts and the
// choices) by the letters the whole class sees, a team's answer typed as letters ("CABD") on
// the projector, and the reveal's right order or pairs with each rationale.
#include "ClassScreens.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"
#include "ui/widgets/Panel.hpp"

#include <algorithm>

namespace quiz::ui
{

void ClassHostScreen::addStepsQuestion(const core::Question& question, bool live)
{
    const core::Classroom& room = context().classGame->getClassroom();
    const core::ClassSteps& steps = room.getSteps(room.getCurrentIndex());
    const bool ordering = question.type == core::QuestionType::Ordering;
    m_stepsTyping = true;
    m_hands = false; // a show of hands counts options, and these questions have none
    if (!ordering)
    {
        core::RichText prompts;
        for (std::size_t n = 0; n < steps.prompts.size(); ++n)
        {
            if (n > 0)
                prompts.appendBreak();
            prompts.append(std::to_string(n + 1) + ". ", true);
            for (const core::TextRun& run : question.pairs[steps.prompts[n]].prompt.runs)
                prompts.runs.push_back(run);
        }
        auto block = std::make_unique<TextBlock>();
        block->setText(prompts);
        m_prompts = &m_body.add(std::move(block));
    }
    const std::vector<std::size_t>& shown = ordering ? steps.itemOrder : steps.choiceOrder;
    for (std::size_t position = 0; position < shown.size(); ++position)
    {
        const core::RichText& text = ordering ? question.items[shown[position]].text
                                              : question.pairs[shown[position]].answer;
        // A click types the letter, as the key does, for the team that is answering.
        auto option = std::make_unique<OptionButton>(core::classOptionLetter(position), text, false,
                                                     [this, position] { typeLetter(position); });
        option->setEnabled(!live);
        m_options.push_back(&m_body.add(std::move(option)));
    }
    if (live)
        return;
    // What to type, never an example: an example could be taken for the answer. It stands
    // beside the list (ClassHostDraw), which needs the whole height of the screen.
    const std::size_t count = ordering ? shown.size() : steps.prompts.size();
    m_stepsHint = {"Team number, then " + std::to_string(count) + " letters:",
                   ordering ? "the first step first," : "prompt 1's answer first,", "then Enter."};
    auto field = std::make_unique<NumberField>(
        "",
        [this](const std::string& refused)
        {
            m_notice = "\u201C" + refused + "\u201D was not typed: type letters only.";
            if (m_numberField != nullptr)
                m_numberField->setMessage(m_notice);
        },
        NumberField::Accepts::Letters);
    field->setEnabled(m_teamChosen);
    m_numberField = &m_body.add(std::move(field));
}

void ClassHostScreen::typeLetter(std::size_t position)
{
    if (m_numberField == nullptr || !m_teamChosen)
    {
        m_notice = "Pick a team first (its number), then type its letters.";
        return;
    }
    m_numberField->type(static_cast<sf::Uint32>('A' + position));
}

void ClassHostScreen::lockTeamSteps()
{
    ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    const std::optional<std::vector<std::string>> letters =
        core::splitTypedLetters(m_numberField->getText());
    if (!letters || letters->empty())
    {
        m_notice = "Type the team's letters first, then Enter.";
        m_numberField->setMessage(m_notice);
        return;
    }
    const core::ClassRefusal refusal = game.answerSteps(m_team, *letters);
    const std::string& name = room.getPlayers()[m_team].nickname;
    if (refusal != core::ClassRefusal::None && refusal != core::ClassRefusal::AlreadyAnswered &&
        refusal != core::ClassRefusal::NotAnswerPhase && refusal != core::ClassRefusal::Paused)
    {
        // The team can say it again: the field keeps what was typed, with what is wrong.
        const core::Question& question = room.getQuestion(room.getCurrentIndex());
        const core::ClassSteps& steps = room.getSteps(room.getCurrentIndex());
        const bool ordering = question.type == core::QuestionType::Ordering;
        const std::size_t count = ordering ? steps.itemOrder.size() : steps.prompts.size();
        const std::size_t shown = ordering ? steps.itemOrder.size() : steps.choiceOrder.size();
        m_notice = name + ": type " + std::to_string(count) + " letters from A to " +
                   core::classOptionLetter(shown - 1) +
                   (ordering ? ", each once." : ", one per prompt.");
        m_numberField->setMessage(m_notice);
        return;
    }
    closeTyping(refusal);
}

void ClassHostScreen::addStepsReveal(Panel& panel, const core::Question& question) const
{
    const Theme& t = theme();
    const TextStyle heading{t.bodySize(), t.colors().correct, true};
    const TextStyle strong{t.bodySize(), t.colors().text, true};
    const TextStyle body{t.bodySize(), t.colors().text};
    const core::Classroom& room = context().classGame->getClassroom();
    const core::ClassSteps& steps = room.getSteps(room.getCurrentIndex());
    const auto letterOf = [](const std::vector<std::size_t>& shown, std::size_t index)
    {
        const auto it = std::find(shown.begin(), shown.end(), index);
        return core::classOptionLetter(static_cast<std::size_t>(it - shown.begin()));
    };
    if (question.type == core::QuestionType::Ordering)
    {
        std::string order;
        for (std::size_t i = 0; i < question.items.size(); ++i)
            order += letterOf(steps.itemOrder, i);
        panel.addText(core::RichText::fromPlain("✓ Right order: " + order), heading);
        for (std::size_t i = 0; i < question.items.size(); ++i)
        {
            core::RichText line = core::RichText::fromPlain(std::to_string(i + 1) + ". " +
                                                            letterOf(steps.itemOrder, i) + "  ");
            for (const core::TextRun& run : question.items[i].text.runs)
                line.runs.push_back(run);
            panel.addText(line, strong);
            if (!question.items[i].rationale.isEmpty())
                panel.addText(question.items[i].rationale, body, t.px(28.0F));
        }
    }
    else
    {
        panel.addText(core::RichText::fromPlain("✓ Right pairs"), heading);
        for (std::size_t n = 0; n < steps.prompts.size(); ++n)
        {
            const core::MatchPair& pair = question.pairs[steps.prompts[n]];
            core::RichText line = core::RichText::fromPlain(std::to_string(n + 1) + ". ");
            for (const core::TextRun& run : pair.prompt.runs)
                line.runs.push_back(run);
            line.append(" → " + letterOf(steps.choiceOrder, steps.prompts[n]) + ". ");
            for (const core::TextRun& run : pair.answer.runs)
                line.runs.push_back(run);
            panel.addText(line, strong);
            if (!pair.rationale.isEmpty())
                panel.addText(pair.rationale, body, t.px(28.0F));
        }
    }
    if (!question.explanation.isEmpty())
        panel.addText(question.explanation, body);
}

} // namespace quiz::ui
