"""The answer kind is inferred from the question's words, whatever their wording and casing."""

from __future__ import annotations

import pytest

from answerlint.answerkinds import BY_NAME, KINDS, NAMES, infer_kind, stem, words

PHRASINGS = {
    "intro": [
        "Tell us a bit about yourself and what brings you here today.",
        "Tell me about yourself.", "Tell us a little bit about yourself", "WALK ME THROUGH YOUR CV",
        "Can you walk us through your résumé?", "Could you introduce yourself?", "So, tell me something about you.",
        "how would you describe yourself?", "Talk me through your background.", "Give me a quick overview of your career.",
        "What should we know about you?",
    ],
    "behavioral": [
        "Tell me about a time you went above and beyond.", "Describe a situation where you had to learn something fast.",
        "Give me an example of a goal you reached.", "How did you handle a tight deadline?",
        "Have you ever had to work with very little supervision?", "SHARE AN EXAMPLE OF WHEN YOU TOOK THE LEAD",
        "what did you do when your plan stopped working?", "What is your greatest achievement?",
        "Can you think of a time you improved a process?", "What are you most proud of in your career?",
        "Walk me through a project you led.",
    ],
    "weakness": [
        "What's something you find genuinely difficult at work?",
        "What is your greatest weakness?", "What are your weaknesses?", "WHAT'S YOUR BIGGEST WEAKNESS?",
        "What areas do you need to improve?", "what would you like to improve about yourself",
        "What is an area you're working on?",
        "What are your strengths and weaknesses?", "Name a weak point of yours.",
        "What's something you struggle with at work?", "What is your biggest flaw?",
    ],
    "strength": [
        "Which of your skills are you most proud of?",
        "What is your greatest strength?", "What are your strengths?", "WHAT ARE YOU GOOD AT?",
        "What would you say is your strongest skill?", "what's your best quality", "What is your superpower?",
        "What are your key skills?", "Where do you excel?", "What is your greatest asset?",
    ],
    "motivation": [
        "Why do you want to train with Harcourt Lowe specifically?",
        "What makes you interested in working at Fernhill Analytics?",
        "Why us rather than one of our competitors?",
        "What's motivating you to apply for this position?",
        "Why do you want to work here?", "Why this company?", "WHY DO YOU WANT THIS JOB?",
        "What do you know about our company?", "Why are you interested in this role?",
        "why did you choose this industry", "What attracted you to this position?", "Why do you want to be a nurse?",
        "Why did you apply for this job?", "What do you like about our company?",
        "Why our firm rather than another?",
    ],
    "why-leave": [
        "You left your last airline after only eight months. What happened there?",
        "What's prompting you to look for a new role?",
        "Why are you leaving your current job?", "Why did you leave your last job?", "WHY DID YOU QUIT?",
        "why'd you leave", "What didn't you like about your last job?", "What do you think of your previous boss?",
        "Why are you looking for a new role?", "What was your reason for leaving?",
        "Why were you let go?", "How would you describe your last manager?", "Why do you want to change jobs?",
        "Why did you or do you want to leave your job?",
    ],
    "why-hire-you": [
        "What can you bring to the salon?",
        "Why should we hire you?", "Why should we choose you over other candidates?", "WHAT MAKES YOU DIFFERENT?",
        "What would you bring to our team?", "what sets you apart from other applicants",
        "Why are you the best candidate for this role?", "What can you do for us that others can't?",
        "Convince me you're right for this job.", "What makes you a good fit?",
    ],
    "salary-expectations": [
        "What package would it take for you to make the move?",
        "What are your salary expectations?", "What salary are you looking for?", "HOW MUCH DO YOU EXPECT TO EARN?",
        "What is your current salary?", "what are your pay requirements", "How much would you like to be paid?",
        "What pay range are you hoping for?",
        "What compensation do you expect?", "What's your expected CTC?",
    ],
    "conflict": [
        "Describe a time you had to work closely with someone whose working style was very different from yours.",
        "Tell me about a time a client wasn't happy with what you'd done.",
        "Tell me about a conflict with a coworker.", "Describe a time you disagreed with your manager.",
        "HOW DID YOU HANDLE A DIFFICULT CUSTOMER?", "Tell me about a time you had an argument at work.",
        "how do you deal with difficult colleagues", "Give an example of a time you didn't get along with someone.",
        "Have you ever had to push back on a decision?", "Describe a time you dealt with an angry client.",
        "What do you do when you and a teammate don't see eye to eye?",
    ],
    "failure-or-mistake": [
        "Talk me through a project that didn't go the way you wanted.",
        "Tell me about a time you got something wrong.",
        "Tell me about a time you failed.", "What is your biggest failure?", "DESCRIBE A MISTAKE YOU MADE AT WORK",
        "Tell me about a time something went wrong.", "Have you ever missed a deadline?",
        "What's your biggest regret in your career?", "Tell me about a project that didn't go as planned.",
        "Describe a setback and how you handled it.", "When did you last drop the ball?",
    ],
    "goals": [
        "What are you hoping to achieve over the next couple of years?",
        "Where do you see yourself in five years?", "Where do you see yourself in 5 years?", "WHAT ARE YOUR CAREER GOALS?",
        "What are your long-term goals?", "what do you want to achieve in the next few years",
        "Where do you want to be in ten years?", "What are your plans for the future?",
        "How long do you plan to stay with us?", "What's your five-year plan?",
    ],
    "general": [
        "Is there anything else you would like us to know?", "Do you have any questions for us?",
        "How do you stay organised?", "What does good customer service mean to you?", "When could you start?",
        "What motivates you?", "Are you willing to travel?", "How do you handle stress?",
        "What hobbies do you have?",
    ],
}


@pytest.mark.parametrize("kind", NAMES)
def test_each_kind_has_at_least_eight_phrasings(kind):
    assert len(PHRASINGS[kind]) >= 8


@pytest.mark.parametrize("kind,question", [(k, q) for k, qs in PHRASINGS.items() for q in qs])
def test_question_kind(kind, question):
    assert infer_kind(question) == kind


def test_no_question_is_general():
    assert infer_kind(None) == "general"
    assert infer_kind("") == "general"


def test_crude_lemmas_meet():
    assert stem("leaving") == stem("leave") == stem("leaves") == stem("left")
    assert stem("weaknesses") == stem("weakness")
    assert words("Why'd you LEAVE?") == ["why", "would", "you", stem("leave")]
    assert words("What didn't you like?")[:3] == ["what", "did", "not"]


def test_every_kind_is_documented():
    for kind in KINDS:
        assert kind.summary and kind.expects and kind.elements and kind.examples, kind.name
        assert all(infer_kind(q) == kind.name for q in kind.examples), kind.name
        assert BY_NAME[kind.name] is kind
    assert NAMES[-1] == "general"
