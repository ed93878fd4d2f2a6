// The desktop student's numeric, ordering and matching questions: what to type, the items (or
// the prompts and choices) by the letters the class sees, and the field the answer is typed in.
#include "ClassScreens.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"

namespace quiz::ui
{

void ClassStudentScreen::addTypedQuestion(const net::QuestionShow& q, bool locked)
{
    const Theme& t = theme();
    StudentState& s = *context().student;
    const TextStyle rule{t.bodySize(), t.colors().text, true};
    const bool numeric = q.kind == net::QuestionKind::Numeric;
    const bool ordering = q.kind == net::QuestionKind::Ordering;
    const std::vector<net::WireOption> none;
    const std::vector<net::WireOption>& prompts = q.prompts ? *q.prompts : none;
    const std::vector<net::WireOption>& shown =
        ordering ? (q.items ? *q.items : none) : (q.choices ? *q.choices : none);
    std::string what;
    if (numeric)
        what = q.rule.value_or("") + ". Type the number" +
               (q.unit && !q.unit->empty() ? " in " + *q.unit : std::string()) + ", then Enter.";
    else if (ordering)
        what = "Type the " + std::to_string(shown.size()) +
               " letters in order, first step to last, then Enter.";
    else
        what = "Type " + std::to_string(prompts.size()) +
               " letters, the answer to prompt 1 first, then Enter.";
    m_body.add(std::make_unique<TextBlock>(core::RichText::fromPlain(what), rule));
    // The field under what to type, so the letters stay in sight above a long list.
    auto field = std::make_unique<NumberField>(
        numeric ? q.unit.value_or("") : std::string(),
        [this](const std::string& refused)
        {
            if (m_field != nullptr)
                m_field->setMessage(
                    "\u201C" + refused + "\u201D was not typed: type " +
                    (context().student->question &&
                             context().student->question->kind == net::QuestionKind::Numeric
                         ? "digits only."
                         : "letters only."));
        },
        numeric ? NumberField::Accepts::Number : NumberField::Accepts::Letters);
    field->setText(s.typed);
    field->setEnabled(!locked);
    m_field = &m_body.add(std::move(field));
    if (!prompts.empty())
    {
        core::RichText list;
        for (std::size_t n = 0; n < prompts.size(); ++n)
        {
            if (n > 0)
                list.appendBreak();
            list.append(prompts[n].label + ". ", true);
            for (const core::TextRun& run : prompts[n].text.runs)
                list.runs.push_back(run);
        }
        m_body.add(std::make_unique<TextBlock>(list, TextStyle{t.bodySize(), t.colors().text}));
    }
    for (std::size_t i = 0; i < shown.size(); ++i)
    {
        auto button =
            std::make_unique<OptionButton>(shown[i].label, shown[i].text, false,
                                           [this, label = shown[i].label]
                                           {
                                               if (!label.empty())
                                                   typeInto(static_cast<sf::Uint32>(label[0]));
                                           });
        button->setEnabled(!locked);
        m_options.push_back(&m_body.add(std::move(button)));
    }
}

void ClassStudentScreen::typeInto(sf::Uint32 character)
{
    StudentState& s = *context().student;
    if (m_field == nullptr || !m_field->isEnabled())
        return;
    m_field->type(character);
    s.typed = m_field->getText();
    const std::string problem = s.typedProblem();
    if (!problem.empty())
        m_field->setMessage(problem);
    m_send->setEnabled(!s.typed.empty() && problem.empty());
}

} // namespace quiz::ui
