"""Purpose: the support desk's HTML pages, rendered on the server in English and Russian: the request
form (/support/, where a claim is addressed to the operator or to the partner studio, whose claims
first need the pre-trial claim's details), a ticket's status page (its secret link), and the
operator's inbox and ticket view (/admin/support/). Every text from a request or a setting goes through html.escape (no markup from a
player reaches a page); styles come from the site's support.css (no inline style or script: the CSP
allows neither), the form's acceptance checkbox from the legal widget.
"""
import html
import json

from .tickets import KINDS, MAX_DETAILS, MAX_MESSAGE, MAX_PRETRIAL, PRETRIAL_METHODS, STATES

e = html.escape

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
}

T = {
    "en": {
        "title": "Support", "about": "About", "lead": "Ask a question, report a bug or send a claim. We answer by e-mail and on "
        "the ticket's status page.", "kind": "What is it about?",
        "kinds": {"question": "A question", "bug": "A bug report", "payment": "A payment question",
                  "claim": "A claim (a formal complaint)"},
        "message": "Your message", "email": "E-mail for the answer",
        "attach": "Attach technical details (shown below; sent only if ticked)",
        "details": "Technical details", "send": "Send the request",
        "claim_note": "A claim to Astradia is answered within 10 business days of its receipt (Terms of Use); a "
                      "claim to the partner studio, within 30 calendar days (its User Agreement).",
        "desk": "Who is the claim addressed to?",
        "desk_hint": "Only for a claim; every other request goes to Astradia.",
        "desk_roles": {"operator": "{name}, the games' operator: answered within {n} business days of receipt "
                                   "(Terms of Use)",
                       "partner": "{name}, the partner studio: answered within {n} calendar days of receipt "
                                  "(its User Agreement), once you have sent it a written pre-trial claim"},
        "desk_short": {"operator": "{name} (operator)", "partner": "{name} (partner studio)"},
        "to": "Addressed to",
        "pretrial": "The pre-trial claim (for a claim to the partner studio)",
        "pretrial_intro": "The partner studio's User Agreement (section 10) makes a written pre-trial claim "
                          "mandatory: sent by post to {address} or by e-mail to {email}, with your name and "
                          "contacts, what the claim is about, the evidence and what you request. Describe the "
                          "claim you sent; a claim to the studio cannot be sent here without it.",
        "pretrial_name": "Your name, as given in that claim", "pretrial_date": "Date you sent it",
        "pretrial_method": "How you sent it", "methods": {"post": "By post", "email": "By e-mail"},
        "pretrial_reference": "Postal tracking number or the e-mail's subject (optional)",
        "pretrial_subject": "What the claim is about", "pretrial_demands": "What you requested in it",
        "pretrial_evidence": "The evidence it refers to (optional; attachments are not accepted)",
        "optional": "optional",
        "honeypot": "Leave this field empty",
        "errors": {"kind.choose": "Choose what the request is about.", "message.empty": "Write your message.",
                   "message.too_long": f"The message is longer than {MAX_MESSAGE} characters.",
                   "email.empty": "Give an e-mail address for the answer.",
                   "email.syntax": "This is not an e-mail address (name@example.org).",
                   "details.too_long": f"The technical details are longer than {MAX_DETAILS} characters.",
                   "consent.missing": "Tick the consent to the processing of personal data to send the request.",
                   "consent.unknown_version": "The consent text has changed: reload the page and tick it again.",
                   "language.unknown": "Unknown language.",
                   "desk.choose": "Choose who the claim is addressed to.",
                   "pretrial_name.empty": "Give your name as it stands in the pre-trial claim.",
                   "pretrial_date.empty": "Give the date you sent the pre-trial claim.",
                   "pretrial_date.syntax": "The pre-trial claim's date is not a date (YYYY-MM-DD).",
                   "pretrial_date.future": "The pre-trial claim's date is in the future: send it first, then "
                                           "come back.",
                   "pretrial_date.range": "The pre-trial claim's date is before 2000.",
                   "pretrial_method.choose": "Choose how you sent the pre-trial claim (by post or by e-mail).",
                   "pretrial_subject.empty": "Say what the pre-trial claim is about.",
                   "pretrial_demands.empty": "Say what you requested in the pre-trial claim.",
                   "pretrial_name.too_long": f"The name is longer than {MAX_PRETRIAL['name']} characters.",
                   "pretrial_reference.too_long": f"The tracking number or subject is longer than "
                                                  f"{MAX_PRETRIAL['reference']} characters.",
                   "pretrial_subject.too_long": f"What the claim is about is longer than {MAX_PRETRIAL['subject']} "
                                               "characters.",
                   "pretrial_demands.too_long": f"What you requested is longer than {MAX_PRETRIAL['demands']} "
                                                "characters.",
                   "pretrial_evidence.too_long": f"The evidence is longer than {MAX_PRETRIAL['evidence']} characters.",
                   "storage.unavailable": "The request could not be stored just now; your text is kept "
                                          "below, please send it again in a minute."},
        "error_title": "The request was not sent", "sent": "Your request is received.",
        "keep_link": "Keep this page's address: it is the only way to see the answer here or to delete the "
                     "request. We also sent it to your e-mail.",
        "ticket": "Ticket", "state": "State", "received": "Received", "due": "Answer due",
        "states": {"new": "New", "waiting": "Waiting for you", "answered": "Answered", "closed": "Closed"},
        "by_end": "by the end of {date}", "by_time": "by {time}, {date}", "zone": "Moscow time",
        "provisional": "(the holiday calendar of that year is not yet decreed: the date may move)",
        "conversation": "Conversation", "you": "You", "operator": "Support", "note": "Internal note",
        "delete": "Delete this request and everything in it", "delete_hint":
        "Deleting erases the request, the conversation and our copies of the e-mails. It cannot be undone.",
        "deleted": "The request is deleted.", "deleted_body": "Nothing of it is kept on our side any more.",
        "back": "Back to the game", "legal": "Legal documents", "other_lang": "Русский",
        "mail_subject": "Your request {id} is received", "mail_body":
        "Hello,\n\nwe have received your request ({kind}; to {to}) on {received}.\nWe will answer {due}.\n\n"
        "Its status, our answers and a button to delete it: {link}\n\n{operator}\n",
        "reply_subject": "Answer to your request {id}",
        "your_reply": "Your answer", "send_reply": "Send the answer",
    },
    "ru": {
        "title": "Поддержка", "about": "Тема", "lead": "Задайте вопрос, сообщите об ошибке или направьте претензию. Мы отвечаем "
        "по электронной почте и на странице обращения.", "kind": "Тема обращения",
        "kinds": {"question": "Вопрос", "bug": "Сообщение об ошибке", "payment": "Вопрос об оплате",
                  "claim": "Претензия"},
        "message": "Ваше сообщение", "email": "Электронная почта для ответа",
        "attach": "Приложить технические сведения (показаны ниже; отправляются, только если отмечено)",
        "details": "Технические сведения", "send": "Отправить обращение",
        "claim_note": "На претензию к Astradia мы отвечаем в течение 10 рабочих дней с её получения "
                      "(Пользовательское соглашение); на претензию к студии-партнёру — в течение 30 календарных дней "
                      "(её Пользовательское соглашение).",
        "desk": "Кому адресована претензия?",
        "desk_hint": "Только для претензии; все прочие обращения направляются Astradia.",
        "desk_roles": {"operator": "{name}, оператор игр: ответ в течение {n} рабочих дней с получения "
                                   "(Пользовательское соглашение)",
                       "partner": "{name}, студия-партнёр: ответ в течение {n} календарных дней с получения "
                                  "(её Пользовательское соглашение), после направления ей письменной досудебной претензии"},
        "desk_short": {"operator": "{name} (оператор)", "partner": "{name} (студия-партнёр)"},
        "to": "Адресат",
        "pretrial": "Досудебная претензия (для претензии студии-партнёру)",
        "pretrial_intro": "Пользовательское соглашение студии-партнёра (раздел 10) требует сначала направить "
                          "письменную претензию: почтой по адресу {address} или по электронной почте на {email}, "
                          "с вашим именем и контактами, сутью требования, доказательствами и тем, что вы просите. "
                          "Опишите направленную претензию: без этого претензию студии здесь отправить нельзя.",
        "pretrial_name": "Ваше имя, как в претензии", "pretrial_date": "Дата направления",
        "pretrial_method": "Как направлена", "methods": {"post": "Почтой", "email": "По электронной почте"},
        "pretrial_reference": "Почтовый идентификатор или тема письма (необязательно)",
        "pretrial_subject": "Суть претензии", "pretrial_demands": "Что вы в ней потребовали",
        "pretrial_evidence": "Доказательства, на которые она ссылается (необязательно; вложения не принимаются)",
        "optional": "необязательно",
        "honeypot": "Оставьте это поле пустым",
        "errors": {"kind.choose": "Выберите тему обращения.", "message.empty": "Напишите сообщение.",
                   "message.too_long": f"Сообщение длиннее {MAX_MESSAGE} знаков.",
                   "email.empty": "Укажите адрес электронной почты для ответа.",
                   "email.syntax": "Это не адрес электронной почты (name@example.org).",
                   "details.too_long": f"Технические сведения длиннее {MAX_DETAILS} знаков.",
                   "consent.missing": "Чтобы отправить обращение, отметьте согласие на обработку персональных данных.",
                   "consent.unknown_version": "Текст согласия изменился: обновите страницу и отметьте его снова.",
                   "language.unknown": "Неизвестный язык.",
                   "desk.choose": "Выберите, кому адресована претензия.",
                   "pretrial_name.empty": "Укажите имя, как в досудебной претензии.",
                   "pretrial_date.empty": "Укажите дату направления досудебной претензии.",
                   "pretrial_date.syntax": "Дата досудебной претензии не похожа на дату (ГГГГ-ММ-ДД).",
                   "pretrial_date.future": "Дата досудебной претензии ещё не наступила: сначала направьте "
                                           "претензию, затем вернитесь.",
                   "pretrial_date.range": "Дата досудебной претензии раньше 2000 года.",
                   "pretrial_method.choose": "Выберите, как направлена досудебная претензия (почтой или по "
                                             "электронной почте).",
                   "pretrial_subject.empty": "Укажите суть досудебной претензии.",
                   "pretrial_demands.empty": "Укажите, что вы потребовали в досудебной претензии.",
                   "pretrial_name.too_long": f"Имя длиннее {MAX_PRETRIAL['name']} знаков.",
                   "pretrial_reference.too_long": f"Идентификатор или тема длиннее {MAX_PRETRIAL['reference']} знаков.",
                   "pretrial_subject.too_long": f"Суть претензии длиннее {MAX_PRETRIAL['subject']} знаков.",
                   "pretrial_demands.too_long": f"Требования длиннее {MAX_PRETRIAL['demands']} знаков.",
                   "pretrial_evidence.too_long": f"Доказательства длиннее {MAX_PRETRIAL['evidence']} знаков.",
                   "storage.unavailable": "Сейчас обращение не удалось сохранить; ваш текст остался ниже, "
                                          "отправьте его ещё раз через минуту."},
        "error_title": "Обращение не отправлено", "sent": "Ваше обращение получено.",
        "keep_link": "Сохраните адрес этой страницы: только по нему можно увидеть ответ здесь или удалить "
                     "обращение. Мы также отправили его вам на почту.",
        "ticket": "Обращение", "state": "Состояние", "received": "Получено", "due": "Срок ответа",
        "states": {"new": "Новое", "waiting": "Ждём вашего ответа", "answered": "Отвечено", "closed": "Закрыто"},
        "by_end": "до конца дня {date}", "by_time": "до {time}, {date}", "zone": "по московскому времени",
        "provisional": "(производственный календарь этого года ещё не утверждён: дата может сдвинуться)",
        "conversation": "Переписка", "you": "Вы", "operator": "Поддержка", "note": "Внутренняя заметка",
        "delete": "Удалить обращение со всей перепиской", "delete_hint":
        "Удаление стирает обращение, переписку и наши копии писем. Отменить его нельзя.",
        "deleted": "Обращение удалено.", "deleted_body": "У нас больше ничего из него не хранится.",
        "back": "Вернуться к игре", "legal": "Правовые документы", "other_lang": "English",
        "mail_subject": "Ваше обращение {id} получено", "mail_body":
        "Здравствуйте!\n\nМы получили ваше обращение ({kind}; адресат: {to}) {received}.\nМы ответим {due}.\n\n"
        "Состояние, наши ответы и кнопка удаления: {link}\n\n{operator}\n",
        "reply_subject": "Ответ на ваше обращение {id}",
        "your_reply": "Ваш ответ", "send_reply": "Отправить ответ",
    },
}


def date_text(day, lang):
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def due_text(desk, ticket, lang):
    """When the answer is due, in words, in the operator's time zone."""
    t = T[lang]
    at = desk.local(ticket["due"])
    if ticket["due_rule"].startswith("business_hours"):
        text = t["by_time"].format(time=at.strftime("%H:%M"), date=date_text(at.date(), lang))
    else:
        import datetime
        text = t["by_end"].format(date=date_text(datetime.date.fromisoformat(ticket["due_last_day"]), lang))
    text += " " + t["zone"] if desk.time_zone == "Europe/Moscow" else f" ({desk.time_zone})"
    return text + (" " + t["provisional"] if ticket["due_provisional"] else "")


def desk_role(desk, key):
    return "partner" if key == desk.partner else "operator"


def desk_text(desk, key, lang, long=False):
    """A ticket's addressee in words: its name and role (long: with its claims period)."""
    d = desk.claim_desks.get(key) or desk.claim_desks[desk.site]
    name = d["name"].get(lang, "")
    if long:
        return T[lang]["desk_roles"][desk_role(desk, key)].format(name=name, n=d["rule"].amount)
    return T[lang]["desk_short"][desk_role(desk, key)].format(name=name)


def moment_text(desk, iso, lang):
    at = desk.local(iso)
    return f"{date_text(at.date(), lang)}, {at.strftime('%H:%M')}"


def layout(lang, title, body, css, alternate=None, widget=False, robots="noindex", wide=False):
    """A whole page. `alternate`: the same page's address in the other language; `wide`: the inbox's width."""
    t = T[lang]
    head_widget = ""
    if widget:
        config = {"site": "astradia", "documents": ["terms", "privacy"], "privacy_document": "privacy",
                  "endpoint": "/api/consent",
                  "storage": {"statistics": {"keys": ["astradia.stats.*"]}, "ads": {"keys": ["astradia.ads.*"]}}}
        head_widget = f'<script src="/widget/astradia-legal.js" defer data-config="{e(json.dumps(config))}"></script>\n'
    body_class = ' class="wide"' if wide else ""
    switch = (f'<a class="lang" href="{e(alternate)}" hreflang="{"ru" if lang == "en" else "en"}" '
              f'lang="{"ru" if lang == "en" else "en"}">{t["other_lang"]}</a>') if alternate else ""
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light dark">\n'
            f'<meta name="robots" content="{robots}">\n'
            f'<title>{e(title)} · Astradia</title>\n<link rel="icon" href="/favicon.svg" type="image/svg+xml">\n'
            f'<link rel="stylesheet" href="{e(css)}">\n{head_widget}</head>\n<body{body_class}>\n'
            f'<header class="top"><a class="brand" href="/">Astradia</a>{switch}</header>\n'
            f'<main id="main">\n{body}\n</main>\n'
            f'<footer class="foot"><a href="/">{t["back"]}</a> · '
            f'<a href="/legal/astradia/{lang}/">{t["legal"]}</a></footer>\n</body>\n</html>\n').encode("utf-8")


def form_page(desk, lang, css, script, values=None, error=None):
    t = T[lang]
    v = values or {}
    problem = ""
    if error:
        problem = (f'<div class="error" role="alert" id="form-error"><h2>{t["error_title"]}</h2>'
                   f'<p>{e(t["errors"].get(error.field + "." + error.code, error.code))}</p></div>\n')
    options = "".join(
        f'<label class="choice"><input type="radio" name="kind" value="{k}" required'
        f'{" checked" if v.get("kind") == k else ""}> {e(t["kinds"][k])}</label>' for k in KINDS)
    attach = " checked" if v.get("attach") == "on" else ""
    chosen = v.get("desk", desk.site)
    desks = "".join(
        f'<label class="choice"><input type="radio" name="desk" value="{e(k)}"'
        f'{" checked" if chosen == k else ""}> {e(desk_text(desk, k, lang, long=True))}</label>'
        for k in desk.claim_desks)
    partner = desk.claim_desks[desk.partner]
    intro = t["pretrial_intro"].format(address=e(partner["address"].get(lang, "")), email=e(partner["email"]))
    methods = "".join(
        f'<label class="choice"><input type="radio" name="pretrial_method" value="{m}"'
        f'{" checked" if v.get("pretrial_method") == m else ""}> {e(t["methods"][m])}</label>' for m in PRETRIAL_METHODS)

    def line(name, kind="text", rows=0):
        label = f'<label for="s-{name}">{t["pretrial_" + name]}</label>'
        value = v.get("pretrial_" + name, "")
        if rows:
            return (f'<p>{label}<textarea id="s-{name}" name="pretrial_{name}" rows="{rows}" '
                    f'maxlength="{MAX_PRETRIAL[name]}">{e(value)}</textarea></p>')
        limit = f' maxlength="{MAX_PRETRIAL[name]}"' if name in MAX_PRETRIAL else ""
        return f'<p>{label}<input id="s-{name}" name="pretrial_{name}" type="{kind}"{limit} value="{e(value)}"></p>'

    claim_part = (f'<fieldset id="s-claim" data-for-kind="claim"><legend>{t["desk"]}</legend>{desks}'
                  f'<p class="hint">{t["desk_hint"]}</p></fieldset>\n'
                  f'<fieldset id="s-pretrial" data-for-desk="{e(desk.partner)}"><legend>{t["pretrial"]}</legend>'
                  f'<p class="hint">{intro}</p>{line("name")}{line("date", "date")}'
                  f'<fieldset class="inner"><legend>{t["pretrial_method"]}</legend>{methods}</fieldset>'
                  f'{line("reference")}{line("subject", rows=2)}{line("demands", rows=3)}{line("evidence", rows=3)}'
                  f'</fieldset>')
    body = f"""<h1>{t["title"]}</h1>
<p class="lead">{t["lead"]}</p>
{problem}<form class="support" id="support-form" action="/support/" method="post" data-accept="support-consent">
<input type="hidden" name="language" value="{lang}">
<fieldset><legend>{t["kind"]}</legend>{options}<p class="hint">{t["claim_note"]}</p></fieldset>
{claim_part}
<p><label for="s-message">{t["message"]}</label>
<textarea id="s-message" name="message" rows="7" maxlength="{MAX_MESSAGE}" required>{e(v.get("message", ""))}</textarea></p>
<p><label for="s-email">{t["email"]}</label>
<input id="s-email" name="email" type="email" autocomplete="email" maxlength="254" required value="{e(v.get("email", ""))}"></p>
<p class="trap" aria-hidden="true"><label for="s-website">{t["honeypot"]}</label>
<input id="s-website" name="website" tabindex="-1" autocomplete="off"></p>
<p class="check"><input type="checkbox" id="s-attach" name="attach"{attach}>
<label for="s-attach">{t["attach"]}</label></p>
<p><label for="s-details">{t["details"]}</label>
<textarea id="s-details" name="details" rows="3" maxlength="{MAX_DETAILS}" readonly>{e(v.get("details", ""))}</textarea></p>
<div data-accept-slot></div>
<p><button type="submit">{t["send"]}</button></p>
</form>
<script src="{e(script)}" defer></script>"""
    return layout(lang, t["title"], body, css, alternate=f"/support/?lang={'ru' if lang == 'en' else 'en'}", widget=True)


def conversation(desk, ticket, lang, notes=False):
    t = T[lang]
    items = []
    for m in ticket["messages"]:
        if m["author"] == "note" and not notes:
            continue
        who = {"player": t["you"] if not notes else ticket["email"], "operator": t["operator"],
               "note": t["note"]}[m["author"]]
        items.append(f'<li class="msg {m["author"]}"><p class="who">{e(who)} · '
                     f'<time datetime="{e(m["at"])}">{moment_text(desk, m["at"], lang)}</time></p>'
                     f'<div class="body">{e(m["body"])}</div></li>')
    return f'<h2>{t["conversation"]}</h2>\n<ol class="conversation">{"".join(items)}</ol>'


def facts(desk, ticket, lang):
    t = T[lang]
    return (f'<dl class="facts"><dt>{t["ticket"]}</dt><dd><code>{e(ticket["id"])}</code></dd>'
            f'<dt>{t["about"]}</dt><dd>{e(t["kinds"][ticket["kind"]])}</dd>'
            f'<dt>{t["to"]}</dt><dd class="desk">{e(desk_text(desk, ticket["desk"], lang))}</dd>'
            f'<dt>{t["state"]}</dt><dd>{e(t["states"][ticket["state"]])}</dd>'
            f'<dt>{t["received"]}</dt><dd>{moment_text(desk, ticket["received"], lang)}</dd>'
            f'<dt>{t["due"]}</dt><dd class="due">{e(due_text(desk, ticket, lang))}</dd></dl>')


def pretrial_block(ticket, lang):
    """A partner claim's pre-trial claim as the player described it (nothing for other tickets)."""
    p = ticket.get("pretrial")
    if not p:
        return ""
    t = T[lang]
    import datetime
    rows = [("name", e(p["name"])), ("date", date_text(datetime.date.fromisoformat(p["date"]), lang)),
            ("method", e(t["methods"].get(p["method"], p["method"])))]
    rows += [(k, e(p[k])) for k in ("reference", "subject", "demands", "evidence") if p.get(k)]
    items = "".join(f'<dt>{t["pretrial_" + k].split(" (")[0]}</dt><dd class="text">{value}</dd>' for k, value in rows)
    return f'<h2>{t["pretrial"].split(" (")[0]}</h2>\n<dl class="facts pretrial">{items}</dl>'


def status_page(desk, ticket, secret, lang, css, just_sent=False):
    t = T[lang]
    sent = f'<p class="ok" role="status">{t["sent"]} {t["keep_link"]}</p>\n' if just_sent else ""
    body = f"""<h1>{t["ticket"]} <code>{e(ticket["id"])}</code></h1>
{sent}{facts(desk, ticket, lang)}
{pretrial_block(ticket, lang)}
{conversation(desk, ticket, lang)}
{player_reply(ticket, secret, lang)}
<form class="delete" action="/support/ticket/delete" method="post">
<input type="hidden" name="id" value="{e(ticket["id"])}"><input type="hidden" name="key" value="{e(secret)}">
<input type="hidden" name="language" value="{lang}">
<p class="hint">{t["delete_hint"]}</p><p><button type="submit" class="danger">{t["delete"]}</button></p>
</form>"""
    other = "ru" if lang == "en" else "en"
    return layout(lang, f'{t["ticket"]} {ticket["id"]}', body, css,
                  alternate=f"/support/ticket?id={ticket['id']}&key={secret}&lang={other}")


def player_reply(ticket, secret, lang):
    """The player's answer box (not on a closed ticket)."""
    if ticket["state"] == "closed":
        return ""
    t = T[lang]
    return (f'<form class="reply" action="/support/ticket/reply" method="post">'
            f'<input type="hidden" name="id" value="{e(ticket["id"])}"><input type="hidden" name="key" value="{e(secret)}">'
            f'<input type="hidden" name="language" value="{lang}">'
            f'<p><label for="p-body">{t["your_reply"]}</label>'
            f'<textarea id="p-body" name="body" rows="4" maxlength="{MAX_MESSAGE}" required></textarea></p>'
            f'<p><button type="submit">{t["send_reply"]}</button></p></form>')


def deleted_page(lang, css):
    t = T[lang]
    return layout(lang, t["deleted"], f'<h1>{t["deleted"]}</h1>\n<p>{t["deleted_body"]}</p>', css)


def acknowledgement(desk, ticket, link):
    """(subject, body) of the mail a player gets when the ticket is stored."""
    lang = ticket["language"]
    t = T[lang]
    return (t["mail_subject"].format(id=ticket["id"]),
            t["mail_body"].format(kind=t["kinds"][ticket["kind"]], to=desk_text(desk, ticket["desk"], lang), received=moment_text(desk, ticket["received"], lang),
                                  due=due_text(desk, ticket, lang), link=link,
                                  operator=desk.operator_name.get(lang, "")))


# --- the operator's inbox (English) ---------------------------------------------------------------

def inbox_page(desk, tickets, now, kind, state, css, desk_filter=None):
    """The list, soonest due first; overdue and due within 2 days marked."""
    import datetime
    from .tickets import parse_utc
    t = T["en"]
    rows = []
    for k in tickets:
        due = parse_utc(k["due"])
        open_ = k["state"] != "closed"
        mark = ""
        if open_ and due < now:
            mark = '<span class="mark overdue">overdue</span>'
        elif open_ and due < now + datetime.timedelta(days=2):
            mark = '<span class="mark soon">due within 2 days</span>'
        rows.append(f'<tr class="{"overdue" if "overdue" in mark else "soon" if mark else "open"}">'
                    f'<td><a href="/admin/support/ticket?id={e(k["id"])}"><code>{e(k["id"])}</code></a></td>'
                    f'<td>{e(t["kinds"][k["kind"]])}</td><td>{e(desk_text(desk, k["desk"], "en"))}</td>'
                    f'<td>{e(t["states"][k["state"]])}</td>'
                    f'<td>{e(k["email"])}</td><td>{moment_text(desk, k["received"], "en")}</td>'
                    f'<td>{e(due_text(desk, k, "en"))} {mark}</td></tr>')

    def select(name, values, current, labels):
        opts = '<option value="">all</option>' + "".join(
            f'<option value="{v}"{" selected" if v == current else ""}>{e(labels[v])}</option>' for v in values)
        return f'<label for="f-{name}">{name.capitalize()}</label><select id="f-{name}" name="{name}">{opts}</select>'

    table = (f'<table class="inbox"><caption>{len(tickets)} ticket(s), soonest due first</caption>'
             '<thead><tr><th scope="col">Ticket</th><th scope="col">Kind</th><th scope="col">Desk</th>'
             '<th scope="col">State</th>'
             '<th scope="col">From</th><th scope="col">Received</th><th scope="col">Answer due</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>') if rows else '<p>No tickets.</p>'
    body = (f'<h1>Support inbox</h1>\n<form class="filters" action="/admin/support/" method="get">'
            f'{select("kind", KINDS, kind, t["kinds"])}{select("state", STATES, state, t["states"])}'
            f'{select("desk", tuple(desk.claim_desks), desk_filter, {k: desk_text(desk, k, "en") for k in desk.claim_desks})}'
            f'<button type="submit">Filter</button></form>\n<div class="scroll">{table}</div>')
    return layout("en", "Support inbox", body, css, wide=True)


def admin_ticket_page(desk, ticket, css):
    t = T["en"]
    consent = (f'<p class="hint">Consent: <code>{e(ticket["consent_document"])} {e(ticket["consent_version"])}</code>, '
               f'hash <code>{e(ticket["consent_hash"][:16])}…</code>, given {e(ticket["consent_time"])}</p>')
    details = ""
    if ticket.get("details"):
        details = f'<h2>Technical details</h2><pre class="details">{e(ticket["details"].get("text", ""))}</pre>'
    states = "".join(f'<option value="{s}"{" selected" if s == ticket["state"] else ""}>{e(t["states"][s])}</option>'
                     for s in STATES)
    body = f"""<p><a href="/admin/support/">← Inbox</a></p>
<h1>Ticket <code>{e(ticket["id"])}</code></h1>
{facts(desk, ticket, "en")}
<p>From <strong>{e(ticket["email"])}</strong> (writes in {e(ticket["language"])})</p>
{consent}{details}
{pretrial_block(ticket, "en")}
{conversation(desk, ticket, "en", notes=True)}
<form class="reply" action="/admin/support/reply" method="post">
<input type="hidden" name="id" value="{e(ticket["id"])}">
<p><label for="r-body">Reply to the player, or an internal note</label>
<textarea id="r-body" name="body" rows="6" maxlength="{MAX_MESSAGE}" required></textarea></p>
<p><label for="r-state">State after this</label><select id="r-state" name="state">{states}</select></p>
<p><button type="submit" name="as" value="reply">Send the reply</button>
<button type="submit" name="as" value="note" class="secondary">Save as an internal note</button></p>
</form>"""
    return layout("en", f"Ticket {ticket['id']}", body, css, wide=True)
