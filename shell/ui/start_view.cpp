// Purpose: drawing the start screen (see start_view.hpp).
#include "shell/ui/start_view.hpp"

#include <algorithm>

#include "shell/i18n.hpp"

namespace astradia::shell {

StartAction draw_start_view(const Ui& ui, const StartModel& m, const std::function<void(int, float)>& card) {
    StartAction action;
    begin_screen("##start", ui);
    // Cards side by side on a wide window and on a landscape phone; one under the other else.
    const bool landscape = ui.width_css > ui.height_css;
    const bool side_by_side = m.cards > 1 && (ui.width_css >= 820 || (landscape && ui.width_css >= 600));
    begin_column(ui, side_by_side ? 900 : 560);
    const float w = ImGui::GetContentRegionAvail().x;

    // Centred in the height when it all fits (no band of empty screen under it on a tall
    // phone or tablet): the content's height is the last frame's, kept in the column's storage.
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID height_id = ImGui::GetID("##content-height");
    const float top = ImGui::GetCursorPosY();
    const float last_height = store->GetFloat(height_id, 0);
    const float room = ImGui::GetWindowHeight() - top - ui.px(40);
    if (last_height > 0 && last_height < room) ImGui::Dummy(ImVec2(0, (room - last_height) / 2));
    const float content_top = ImGui::GetCursorPosY();
    ImGui::Dummy(ImVec2(0, ui.px(ui.phone() || landscape ? 4 : 20)));
    ImGui::PushFont(ui.fonts->title);
    ImGui::TextUnformatted(tr("app.name"));
    ImGui::PopFont();
    paragraph(ui, tr("app.tagline"), true);
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    if (!m.notice.empty() && notice(ui, m.notice.c_str(), "##notice")) action.kind = StartAction::dismiss_notice;

    // The cards: two to a row on a wide window, else one under the other.
    const float gap = ui.px(16);
    const float card_w = side_by_side ? (w - gap) / 2 : w;
    const float left = ImGui::GetCursorScreenPos().x;
    float row_top = ImGui::GetCursorScreenPos().y;
    float row_bottom = row_top;
    for (int i = 0; i < m.cards; ++i) {
        const bool right = side_by_side && i % 2 == 1;
        if (right) {
            ImGui::SetCursorScreenPos(ImVec2(left + card_w + gap, row_top));
        } else if (i > 0) {
            ImGui::SetCursorScreenPos(ImVec2(left, row_bottom + gap));
            row_top = row_bottom + gap;
        }
        card(i, card_w);
        row_bottom = std::max(row_bottom, ImGui::GetCursorScreenPos().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(left, row_bottom));

    // --- links ---
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    // The page's privacy choices live here and in Settings (the legal widget's own floating
    // button is turned off on the game page: it covered the game's controls on phones).
    const char* links[] = {tr("nav.statistics"), tr("nav.settings"), tr("nav.help"), tr("nav.about"),
                           tr("settings.privacy_choices")};
    const StartAction::Kind kinds[] = {StartAction::statistics, StartAction::settings, StartAction::help,
                                       StartAction::about, StartAction::privacy_choices};
    const int n_links = m.privacy_choices ? 5 : 4;
    float x = 0;
    for (int i = 0; i < n_links; ++i) {
        const float bw = ui.fonts->body->CalcTextSizeA(ui.fonts->body->FontSize, 1e9f, 0, links[i]).x + ui.px(32);
        if (i > 0 && x + bw <= w) {
            ImGui::SameLine(0, 0);
        } else {
            x = 0;
        }
        x += bw;
        if (button(ui, links[i], ButtonKind::ghost)) action.kind = kinds[i];
    }
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    ImGui::PushFont(ui.fonts->small);
    paragraph(ui, fill(tr("start.version"), {{"version", m.version}}).c_str(), true);
    ImGui::PopFont();
    store->SetFloat(height_id, ImGui::GetCursorPosY() - content_top);
    end_column(ui);
    end_screen();
    return action;
}

}  // namespace astradia::shell
