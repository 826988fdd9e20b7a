# Haven identification engine: explanations a screener can read to a supervisor.
# Each message explains one rule; the rule's stable id is given beside it in the output.

## Age track

age-child-years = Treated as a child: the established age is { $years }, under { $threshold }.
age-child-reasons = Treated as a child (presumption of minority): there are reasons to believe the person is a child, so child protection applies until the age is established{ $years ->
    [none] .
   *[other] , whatever the documented age of { $years } says.
}
age-child-claimed = Treated as a child (presumption of minority): the age is not established and the person gives their age as { $claimed }.
age-adult-years = Adult track: the established age is { $years }.
age-adult-unknown = Adult track: the age is not established and nothing recorded suggests the person is a child. If there is any reason to believe they are under 18, record it: the child track then applies.

## Legal test, one per profile

legal-test = { $profile }: { $track ->
    [child] for a child, an act and a purpose are needed; means are not.
   *[adult] an act, a means and a purpose are all needed.
} Act: { $act ->
    [yes] established ({ $acts })
    [no] established absent
   *[unknown] not known
}. { $track ->
    [child] {""}
   *[adult] Means: { $means ->
        [yes] established ({ $means_list })
        [no] established absent
       *[unknown] not known
    }.{" "}
}Purpose: { $purpose ->
    [yes] established ({ $purposes })
    [no] none established that this profile recognises
   *[unknown] not known
}. Result: { $outcome ->
    [TRAFFICKING] reasonable grounds to believe the person is a victim of trafficking (TRAFFICKING).
    [NOT_TRAFFICKING] a required element is established absent (NOT_TRAFFICKING).
    [AT_RISK] no required element is ruled out, some are not known, and there are signs of risk (AT_RISK).
   *[INSUFFICIENT_INFORMATION] no required element is ruled out but some are not known; an unknown fact is never taken as absent. Screen again when more is known (INSUFFICIENT_INFORMATION).
}
legal-purpose-via = { $profile } does not count { $purpose } as a purpose on its own: it counts through { $via }, which must then be recorded as established too.

## ILO/EC indicators

ilo-not-applicable = The ILO/EC indicators do not cover this form of exploitation (organ removal, adoption): not scored (NOT_APPLICABLE). This is not a negative result.
ilo-list = Scored on the ILO/EC list "{ $label }" ({ $list }). An element is present with two strong indicators, a strong one and another, three medium, or two medium and a weak one; one indicator alone is never enough.{ $verified ->
    [no] {" "}Its weights are not verified: every indicator answered yes was scored under each reading of its weight, and only what holds under all of them is reported.
   *[yes] {""}
}
ilo-element = { $label } ({ $dimension }): { $value ->
    [yes] present
    [no] not present
   *[uncertain] uncertain (present under some readings of the unverified weights, not under others)
}. Answered yes: { $strong } strong, { $medium } medium, { $weak } weak{ $not_in_list ->
    [0] {""}
   *[other] , and { $not_in_list } not on this list
}.
ilo-outcome = { $outcome ->
    [VICTIM] VICTIM: the { $track ->
        [child] children's rule (a recruitment element and exploitative conditions)
       *[adult] adults' rule (a recruitment element, exploitative conditions, and coercion or abuse of vulnerability at destination)
    } is met.
    [NOT_VICTIM] NOT_VICTIM: the { $track ->
        [child] children's rule (a recruitment element and exploitative conditions)
       *[adult] adults' rule (a recruitment element, exploitative conditions, and coercion or abuse of vulnerability at destination)
    } is not met on the indicators answered yes.
   *[ILO_LIST_UNVERIFIED] ILO_LIST_UNVERIFIED: the result depends on weights that are not verified. Rely on the legal test until the list is verified.
}
ilo-sub-class = { $sub_class ->
    [smuggling_only] Smuggled across a border, with no indicator of trafficking answered yes.
    [forced_labour_without_recruitment_element] Exploitation and coercion at destination, but the recruitment was neither deceptive, coercive nor abusive as far as is known.
    [exploited_not_trafficked] Exploitative conditions, but no coercion or abuse of vulnerability keeping the person there.
    [deception_without_exploitation] Deceived at recruitment, but the conditions are not shown to be exploitative.
    [single_indicator] Only one indicator is answered yes; one indicator never makes an element.
   *[no_exploitation] Not enough evidence of exploitative conditions.
}
ilo-child-alternative = A second reading of the children's rule (a Palermo act established and exploitative conditions) would give { $alternative }; the result above uses the first reading. The catalogue has not settled which reading is right.

## Other findings

forced-labour-flag = Forced labour flag: { $child ->
    [yes] an indicator of involuntary work and one of a penalty or threat are answered yes, or a worst form of child labour is established as a purpose (ICLS 2018).
   *[no] an indicator of involuntary work and one of a penalty or threat are answered yes (ICLS 2018).
}
other-legal-sale-of-children = Sale of a child: the child was transferred and someone in control of the child received a payment or benefit (Optional Protocol on the sale of children, Art. 2(a)). Flagged whatever the trafficking result.

## Routing: what to do next, and why

routing-step = { $step ->
    [CHILD_PROTECTION] Refer to the child protection authority now; this covers other children in the same situation too.
    [GUARDIAN] Appoint a guardian or representative for the child without delay.
    [BEST_INTERESTS] Assess the child's best interests before any placement, family contact, return or durable solution.
    [NO_DETENTION] The child must not be held in police or immigration detention because of the situation.
    [ADULT_REFERRAL_CONSENT] Offer referral to the national referral mechanism or an assistance provider, and refer only with informed consent; if declined, record it, inform, and keep the offer open.
    [REFLECTION_PERIOD_30D] A recovery and reflection period of at least { $reflection_days } days, with no removal during it.
    [ASSISTANCE_UNCONDITIONAL] Assistance starts now and never depends on cooperating with the police or prosecution.
    [NON_PUNISHMENT] Flag the offences committed as a consequence of being trafficked: no detention, charge or penalty for them pending assessment.
    [LABOUR_INSPECTION] Refer the workplace to the labour inspectorate.
    [INTERNATIONAL_PROTECTION_SCREENING] Give access to the asylum procedure or refugee status determination.
    [MEDICAL] Offer medical care, including sexual and reproductive health and mental health care.
    [SAFETY_PLANNING] Plan for the person's safety from exploiters, people who threaten them or their family, and family members involved.
    [INFO_RIGHTS] Tell the person, in a language they understand, about their rights, the risks and where to get help.
    [REPORT_RECRUITER] Report the recruiter or agency to the licensing authority or police, with the person's consent.
    [MRM_REPORT] Report to the UN monitoring and reporting mechanism on grave violations against children in armed conflict.
    [AGE_ASSESSMENT_IF_SERIOUS_DOUBT] Keep the child track; assess age only if there is serious doubt, with the benefit of the doubt, after protection has started.
   *[NO_ACTION] Nothing to route; give information on request.
} Why: { $rule ->
    [child_protection] the person is treated as a child and is a presumed victim, at risk, or unaccompanied
    [child_unclear] a child whose situation cannot yet be assessed stays in view of child protection
    [children_present] other children are in the same situation and each needs their own screening and protection
    [age_not_established] the person is treated as a child and the age is not established
    [adult_presumed_victim] an adult with reasonable grounds to believe they are a victim
    [non_punishment] offences were committed as a consequence of the situation and trafficking is not ruled out
    [adult_at_risk_or_unclear] an adult at risk, or whose situation is not yet clear
    [safety] the person is at risk, or is a presumed victim who is threatened or whose family is involved
    [medical] a presumed victim of violence, sexual exploitation or organ removal
    [labour_rights] exploitative conditions of work short of trafficking are a labour-law matter
    [asylum] the person asks for international protection or fears return
    [children_armed_conflict] a child used in armed conflict
    [adult_negative_information] not trafficking, but there are signs of exploitation or the person was smuggled
    [labour_inspection_for_victims] (good practice) a presumed victim of labour exploitation with exploitative conditions of work
    [protection_for_displaced_victims] (good practice) a presumed victim who asks for international protection
    [recruiter_report] (good practice) a person at risk whose recruiter is identifiable, with their consent
   *[nothing_to_route] no rule calls for an action
} ({ $basis }).
routing-forbid = { $forbid ->
    [no_adult_consent_route_for_children] Not routed: { $codes }. A child's referral never waits for consent; the child's views are still heard.
    [no_victim_entitlements_without_grounds] Not routed: { $codes }. Victim entitlements follow a reasonable-grounds result, and every profile rules trafficking out.
   *[no_closure_when_action_is_due] Not routed: { $codes }. Action is due.
}

## Text report headings (haven screen --format text)

report-title = Screening result
report-track = Track: { $child ->
    [yes] child
   *[no] adult
}
report-legal = Legal test
report-ilo = ILO/EC indicators: { $outcome }{ $list ->
    [none] {""}
   *[other] {" "}(list { $list })
}
report-forced-labour = Forced labour flag: { $flag ->
    [yes] yes
   *[no] no
}
report-other-legal = Also: { $codes }
report-next = Next steps
report-why = Why
