#include "ScreenRegistry.hpp"

#include "ClassScreens.hpp"
#include "ProgressScreens.hpp"
#include "Screens.hpp"
#include "StepsScreen.hpp"
#include "ui/GameContext.hpp"

#include <memory>

namespace quiz::ui
{
namespace
{

template <typename ScreenType> void add(ScreenStack& stack, GameContext& context, ScreenId id)
{
    stack.registerScreen(id, [&stack, &context]
                         { return std::make_unique<ScreenType>(stack, context); });
}

} // namespace

void registerScreens(ScreenStack& stack, GameContext& context)
{
    add<TitleScreen>(stack, context, ScreenId::Title);
    add<SetupScreen>(stack, context, ScreenId::Setup);
    // Ordering and matching questions have a screen of their own.
    stack.registerScreen(
        ScreenId::Question,
        [&stack, &context]() -> std::unique_ptr<Screen>
        {
            const auto& session = context.session;
            const core::QuestionType type = session && !session->isFinished()
                                                ? session->getCurrent().question.type
                                                : core::QuestionType::Single;
            if (type == core::QuestionType::Ordering || type == core::QuestionType::Matching)
                return std::make_unique<StepsScreen>(stack, context);
            return std::make_unique<QuestionScreen>(stack, context);
        });
    add<FeedbackScreen>(stack, context, ScreenId::Feedback);
    add<ResultsScreen>(stack, context, ScreenId::Results);
    add<SettingsScreen>(stack, context, ScreenId::Settings);
    add<PackErrorsScreen>(stack, context, ScreenId::PackErrors);
    add<ConfirmScreen>(stack, context, ScreenId::ConfirmQuit);
    add<ClassSetupScreen>(stack, context, ScreenId::ClassSetup);
    add<ClassHostScreen>(stack, context, ScreenId::ClassHost);
    add<ClassJoinScreen>(stack, context, ScreenId::ClassJoin);
    add<ClassStudentScreen>(stack, context, ScreenId::ClassStudent);
    add<ProfilesScreen>(stack, context, ScreenId::Profiles);
    add<StatisticsScreen>(stack, context, ScreenId::Statistics);
    add<ConfidenceScreen>(stack, context, ScreenId::Confidence);
}

} // namespace quiz::ui
