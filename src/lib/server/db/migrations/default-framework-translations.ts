// The default behaviour framework in Dutch and Simplified Chinese (issue 16). Frozen with the migration that
// inserts it: admins edit the framework's texts in the app afterwards, never here.

export interface ValueText {
	name: string;
	description: string;
}

export interface BehaviourText {
	label: string;
	description: string;
	anchors: [string, string, string, string, string];
}

export interface FrameworkTranslation {
	values: Record<string, ValueText>;
	behaviours: Record<string, BehaviourText>;
}

export const defaultFrameworkTranslations: Record<'nl' | 'zh-CN', FrameworkTranslation> = {
	nl: {
		values: {
			ownership: {
				name: 'Eigenaarschap',
				description:
					'We nemen verantwoordelijkheid voor het resultaat, niet alleen voor onze eigen stap, en blijven de dienstverlening verbeteren.'
			},
			empathy: {
				name: 'Empathie',
				description: 'We begrijpen de mensen voor wie we werken en laten dat begrip bepalen hoe we met hen samenwerken.'
			},
			collaboration: {
				name: 'Samenwerking',
				description:
					'We werken als één organisatie, delen wat we weten en lossen problemen op over de grenzen van teams heen.'
			},
			clarity: {
				name: 'Duidelijkheid',
				description:
					'We maken onze boodschappen, ons werk en de voortgang ervan voor anderen makkelijk te begrijpen en te volgen.'
			},
			reliability: {
				name: 'Betrouwbaarheid',
				description: 'We doen wat we zeggen, nauwkeurig en op tijd, zodat anderen op ons kunnen rekenen.'
			}
		},
		behaviours: {
			ownership: {
				label: 'Neemt eigenaarschap',
				description: 'Brengt een aanvraag tot een goed einde, ook de delen die bij andere teams liggen.',
				anchors: [
					'Geeft aanvragen door zonder te checken of ze zijn aangekomen, en zegt “daar gaat mijn team niet over” zodra een vraag een andere afdeling raakt.',
					'Handelt het eigen deel van een aanvraag af, maar stopt bij de overdracht, zodat zaken blijven liggen tot de aanvrager erachteraan gaat.',
					'Brengt elke aanvraag tot een resultaat, volgt punten op die bij andere teams liggen en laat de aanvrager weten bij wie het nu ligt.',
					'Laat lastige zaken tussen teams, zoals een geblokkeerde betaling aan een leverancier, niet los tot ze zijn opgelost, en houdt de aanvrager uit zichzelf op de hoogte.',
					'Pakt problemen op waar niemand anders aan wil beginnen, dicht het gat waardoor ze ontstonden en moedigt collega’s aan hetzelfde te doen, zodat minder aanvragen tussen wal en schip vallen.'
				]
			},
			'continuous-improvement': {
				label: 'Verbetert de manier van werken',
				description: 'Gebruikt feedback en cijfers om de dienstverlening beter te maken, niet alleen sneller.',
				anchors: [
					'Gebruikt maand na maand dezelfde noodoplossingen en wuift voorstellen voor verandering weg, ook als dezelfde fouten steeds terugkomen.',
					'Noemt problemen in een proces als ernaar gevraagd wordt, maar stelt zelden een oplossing voor en doet weinig met wat klanten zeggen.',
					'Ziet terugkerende problemen in de eigen wachtrij, stelt praktische oplossingen voor en probeert ze uit, en checkt of de klant er beter van wordt en niet alleen het tempo omhooggaat.',
					'Zoekt met opmerkingen van klanten en cijfers uit de wachtrij de echte oorzaak van herhaalcontacten op en neemt die samen met andere teams weg.',
					'Trekt verbeteringen die over teams heen gaan, zoals een herziene checklist voor de maandafsluiting, gaat na wat het klanten oplevert en deelt de lessen breed.'
				]
			},
			'leading-by-example': {
				label: 'Geeft het goede voorbeeld',
				description:
					'Leeft het servicegedrag voor dat van anderen gevraagd wordt, en geeft waardering als teamleden het laten zien.',
				anchors: [
					'Vraagt anderen om servicenormen na te leven, maar houdt zich er zelf niet aan: slaat bijvoorbeeld updates aan aanvragers over of omzeilt de afgesproken goedkeuringsroute.',
					'Houdt zich aan de normen als iemand meekijkt of eraan herinnert, maar neemt het onder druk niet zo nauw en merkt goede service bij anderen zelden op.',
					'Laat zelf consequent het gedrag zien dat van collega’s verwacht wordt, komt eigen toezeggingen na en bedankt mensen die klanten goed helpen.',
					'Springt zichtbaar bij in drukke periodes, bijvoorbeeld door samen met het team de werkvoorraad weg te werken, en spreekt in het bijzijn van anderen waardering uit voor concrete voorbeelden van goede service.',
					'Is degene die anderen navolgen: zet de toon bij elke overdracht en elk overleg, geeft eigen fouten openlijk toe en bouwt een team dat uit zichzelf goede service levert.'
				]
			},
			empathy: {
				label: 'Toont inlevingsvermogen',
				description: 'Begrijpt hoe collega’s en klanten zich voelen en speelt daarop in.',
				anchors: [
					'Reageert op gefrustreerde collega’s met beleidstaal of verwijten, en mist duidelijke signalen dat iemand gestrest of in de war is.',
					'Erkent gevoelens als iemand ze hardop uitspreekt, maar houdt vast aan standaardzinnen en past de toon zelden aan de persoon aan.',
					'Luistert eerst en antwoordt dan, ziet de druk achter een aanvraag, zoals een salaris dat niet is uitbetaald, en past toon en aanpak daarop aan.',
					'Merkt onuitgesproken zorgen of frustratie op, vraagt wat de situatie voor de ander betekent en doet praktisch iets om het te verlichten, ook als de regels geen ruimte laten.',
					'Wordt opgezocht voor moeilijke gesprekken, helpt collega’s een situatie door de ogen van de klant te zien en brengt rust in gespannen overdrachten tussen teams.'
				]
			},
			'customer-focus': {
				label: 'Is klantgericht',
				description: 'Begrijpt wat de interne klant wil bereiken en stemt de dienstverlening af op dat doel.',
				anchors: [
					'Houdt zich aan de letter van de aanvraag of aan de streefwaarde voor de afhandeling, en sluit zaken af terwijl het echte probleem van de klant nog niet is opgelost.',
					'Beantwoordt de vraag die gesteld is, maar checkt zelden waarvoor de klant het nodig heeft, zodat er vaak vervolgvragen komen.',
					'Vraagt wat de interne klant wil bereiken, stemt het antwoord af op dat doel en checkt voor het afsluiten of de klant echt geholpen is.',
					'Denkt vooruit over wat klanten straks nodig hebben, bijvoorbeeld door een ontbrekende kostenplaats te melden voordat een factuur wordt afgewezen, en legt de mogelijkheden uit in de taal van de klant.',
					'Brengt het perspectief van de klant in bij teambesluiten, stelt regels ter discussie die klanten onnodig werk bezorgen en helpt collega’s diensten in te richten rond echte behoeften.'
				]
			},
			collaboration: {
				label: 'Werkt over grenzen heen',
				description: 'Bouwt relaties op buiten het eigen team en lost problemen bij overdrachten op.',
				anchors: [
					'Blijft binnen het eigen team, geeft andere afdelingen de schuld van vertraging en draagt werk over zonder de context die het volgende team nodig heeft.',
					'Werkt samen met andere teams als het moet, maar alleen via het zaaksysteem of de officiële weg, en helpt zelden problemen bij overdrachten uit te zoeken.',
					'Bouwt werkrelaties op met contactpersonen in aangrenzende teams, deelt informatie vrijuit en lost problemen bij overdrachten direct op met de betrokkenen.',
					'Brengt mensen uit verschillende teams bij elkaar om gedeelde problemen op te lossen, zoals inkooporders die vastzitten tussen inkoop en de crediteurenadministratie.',
					'Doorbreekt silo’s in de hele organisatie, legt blijvende verbindingen tussen teams en maakt afspraken over een gezamenlijke werkwijze die klanten merken.'
				]
			},
			feedback: {
				label: 'Geeft en vraagt feedback',
				description:
					'Geeft concrete feedback op het juiste moment en vraagt er zelf om, zonder in de verdediging te schieten.',
				anchors: [
					'Geeft zelden feedback, en als het gebeurt vaag of hard; schiet in de verdediging of wuift het weg als collega’s iets over het eigen werk aankaarten.',
					'Geeft alleen feedback in beoordelingsgesprekken en neemt opmerkingen beleefd aan, maar verandert er zelden iets door.',
					'Geeft concrete feedback op het juiste moment aan de hand van echte voorbeelden, vraagt collega’s en klanten wat er beter kan en doet iets met de antwoorden.',
					'Maakt van feedback een vaste gewoonte, in beide richtingen: vraagt na overdrachten wat goed werkte en bedankt mensen ook voor boodschappen die niet leuk zijn om te horen.',
					'Zorgt voor een klimaat waarin eerlijke feedback makkelijk tussen teams heen en weer gaat, coacht anderen om goed feedback te geven en stuurt zichtbaar bij op basis van wat er terugkomt.'
				]
			},
			'clear-communication': {
				label: 'Communiceert helder',
				description:
					'Kiest het juiste kanaal en de juiste woorden, houdt mensen op de hoogte en koppelt terug als iets klaar is.',
				anchors: [
					'Stuurt onduidelijke berichten vol jargon via het verkeerde kanaal, laat aanvragers zonder nieuws zitten en sluit zaken af zonder de uitkomst uit te leggen.',
					'Communiceert correct maar onvolledig, waardoor berichten vaak vervolgvragen oproepen, en geeft alleen een update als mensen erachteraan zitten.',
					'Kiest het juiste kanaal en gewone woorden, zegt wat er gaat gebeuren en wanneer, en koppelt terug zodra de aanvraag is afgehandeld.',
					'Stemt berichten af op de lezer, zoals bij het uitleggen van een salariscorrectie aan een ongeruste medewerker, en geeft een update voordat mensen erom hoeven te vragen.',
					'Zet de standaard voor heldere communicatie, vertaalt ingewikkelde veranderingen naar berichten die iedereen begrijpt en helpt collega’s sjablonen en mededelingen te herschrijven.'
				]
			},
			'documents-the-process': {
				label: 'Maakt het proces zichtbaar',
				description:
					'Legt vast hoe het werk loopt, wie wat doet en waar elke aanvraag staat, zodat anderen het kunnen volgen en overnemen.',
				anchors: [
					'Houdt stappen in het hoofd of in eigen aantekeningen, zodat collega’s het werk niet kunnen overnemen en klanten niet kunnen zien waar hun aanvraag staat.',
					'Legt de basis vast als iemand eraan herinnert, maar de aantekeningen zijn onvolledig of verouderd, zodat wie het overneemt nog steeds vragen moet stellen.',
					'Houdt notities bij zaken en werkinstructies actueel, zodat een collega een zaak kan overnemen en de klant de status kan zien.',
					'Brengt de overdrachten tussen teams in kaart, zoals de stappen van het aanbod aan een nieuwe medewerker tot de eerste loonstrook, en maakt status en eigenaar zichtbaar voor iedereen die erbij betrokken is.',
					'Maakt het hele proces transparant, onderhoudt gedeelde werkinstructies waar andere teams op bouwen en moedigt collega’s aan documentatie te zien als onderdeel van de dienstverlening.'
				]
			},
			reliability: {
				label: 'Komt afspraken na',
				description: 'Schept duidelijke verwachtingen, houdt zich aan afspraken en maakt de voortgang zichtbaar.',
				anchors: [
					'Doet toezeggingen die niet haalbaar zijn, mist afgesproken termijnen zonder te waarschuwen en laat klanten zelf ontdekken dat iets vertraging heeft.',
					'Haalt termijnen meestal, maar laat ze soms verstrijken zonder iemand in te lichten, en geeft vage antwoorden als “binnenkort” of “zo snel mogelijk”.',
					'Schept realistische verwachtingen, levert wat is afgesproken op het afgesproken moment en waarschuwt op tijd als iets later wordt.',
					'Blijft betrouwbaar in drukke periodes zoals de maandafsluiting, houdt de voortgang zichtbaar en bespreekt toezeggingen openlijk opnieuw voordat ze in gevaar komen.',
					'Is voor andere teams iemand op wie ze kunnen rekenen zonder erachteraan te zitten, en helpt het eigen team alleen toe te zeggen wat het kan waarmaken, en dat dan ook te doen.'
				]
			},
			'right-first-time': {
				label: 'Doet het in één keer goed',
				description:
					'Controleert het werk voordat het wordt doorgegeven, zodat klanten en het volgende team het niet hoeven terug te sturen.',
				anchors: [
					'Geeft werk door met veel fouten of hiaten, zoals facturen zonder inkoopordernummer, en laat het aan anderen over om die te vinden en te herstellen.',
					'Doet routinewerk goed, maar slaat controles over als het druk is, zodat er nog regelmatig werk terugkomt of opnieuw moet.',
					'Controleert het werk aan de hand van wat er nodig is voordat het wordt doorgegeven, zodat goedkeuringen, betalingen en registraties zelden terugkomen voor correctie.',
					'Vraagt onduidelijke gegevens meteen aan het begin na in plaats van te gokken, en leert van elke fout, zodat dezelfde vergissing niet nog eens gebeurt.',
					'Bouwt controles in het proces in die fouten voor iedereen voorkomen, zoals duidelijkere aanvraagformulieren of validatiestappen, en helpt collega’s nauwkeuriger te werken.'
				]
			}
		}
	},
	'zh-CN': {
		values: {
			ownership: {
				name: '担当',
				description: '我们对最终结果负责，而不只是做好自己这一环，并不断把服务做得更好。'
			},
			empathy: {
				name: '同理心',
				description: '我们理解所服务的人，并让这份理解决定我们与对方合作的方式。'
			},
			collaboration: {
				name: '协作',
				description: '我们是一个整体：分享所知，跨越团队边界解决问题。'
			},
			clarity: {
				name: '清晰',
				description: '我们让自己传达的信息、所做的工作及其进展，都便于他人理解和跟进。'
			},
			reliability: {
				name: '可靠',
				description: '我们说到做到，准确且准时，让别人可以放心依靠。'
			}
		},
		behaviours: {
			ownership: {
				label: '主动担当',
				description: '把申请跟进到底，包括落在其他团队的部分。',
				anchors: [
					'转交申请后不确认对方是否已接手；问题一涉及其他部门，就回一句“这不归我们团队管”。',
					'只处理申请中自己负责的部分，到交接就停手，工单一直搁着，直到申请人来催。',
					'每项申请都跟进到有结果，追踪搁在其他团队的事项，并告知申请人现在由谁处理。',
					'对棘手的跨团队问题（如受阻的供应商付款）一直跟到解决，并主动向申请人通报进展。',
					'主动接手没人愿意管的问题，补上导致问题的漏洞，并带动同事也这样做，让在团队之间落空的申请越来越少。'
				]
			},
			'continuous-improvement': {
				label: '持续改进工作方式',
				description: '用反馈和数据让服务变得更好，而不只是更快。',
				anchors: [
					'月复一月沿用同样的变通做法，对改进建议不以为然，即使同样的错误反复出现。',
					'被问到时会提到流程中的问题，但很少提出改进办法，也很少根据客户的意见采取行动。',
					'留意自己经手工单中反复出现的问题，提出切实可行的改进并加以尝试，同时检验改变是否真正帮到了客户，而不只是提高了速度。',
					'借助客户意见和工单数据找出客户反复咨询的根本原因，再与其他团队一起把它消除。',
					'牵头跨团队的改进，例如重新梳理月结检查清单，检验对客户的实际效果，并广泛分享经验。'
				]
			},
			'leading-by-example': {
				label: '以身作则',
				description: '自己先做到要求别人做到的服务行为，并在团队中认可这些行为。',
				anchors: [
					'要求别人遵守服务标准，自己却做不到，比如不向申请人通报进展，或绕过约定的审批流程。',
					'有人看着或提醒时会遵守标准，压力一大就打折扣，也很少留意到别人的优质服务。',
					'自己始终做到要求同事做到的行为，兑现自己的承诺，同事把客户服务好时及时致谢。',
					'业务高峰时亲自顶上，例如和团队一起消化积压工单，并公开认可具体的优质服务事例。',
					'是大家效仿的榜样：在每次交接和会议中定下基调，坦然承认自己的错误，带出一支无需督促也能做好服务的团队。'
				]
			},
			empathy: {
				label: '换位思考',
				description: '理解同事和客户的感受，并据此作出回应。',
				anchors: [
					'面对有情绪的同事，搬出制度条文或推卸责任，看不出对方明显的压力或困惑。',
					'对方把感受明说出来时会表示理解，但照本宣科，很少根据对方调整语气。',
					'先倾听再回答，体察申请背后的压力（如工资没有按时发放），并相应调整语气和处理方式。',
					'能察觉对方没说出口的担忧或不满，询问这件事对对方有什么影响，并采取实际措施缓解，即使规定无法变通。',
					'是大家遇到难谈的话题时首先会找的人，帮助同事站在客户的角度看问题，缓和团队之间紧张的交接。'
				]
			},
			'customer-focus': {
				label: '以客户为中心',
				description: '理解内部客户想要达成什么，并围绕这个目标提供服务。',
				anchors: [
					'只按申请的字面要求或处理时效的目标值办事，客户的实际问题还没解决就关闭工单。',
					'回答了客户问的问题，但很少了解客户要拿它做什么，因此客户常常还得再来问。',
					'询问内部客户想要达成什么，围绕这个目标给出答复，确认需求已满足后再关闭工单。',
					'预见客户下一步的需要，例如在发票被退回之前提醒缺少成本中心，并用客户听得懂的话解释可选方案。',
					'在团队决策中代表客户的视角，质疑给客户带来不必要麻烦的规定，并帮助同事围绕真实需求设计服务。'
				]
			},
			collaboration: {
				label: '跨部门协作',
				description: '在本团队之外建立关系，并解决交接环节的问题。',
				anchors: [
					'只在自己团队内部打转，把延误归咎于其他部门，交接工作时不提供下一个团队需要的背景信息。',
					'需要时会与其他团队合作，但只走工单或正式渠道，很少帮忙理清交接环节的问题。',
					'与相邻团队的对接人建立工作关系，主动分享信息，直接与相关人员解决交接问题。',
					'召集不同团队的人一起解决共同的问题，例如卡在采购部和应付组之间的采购订单。',
					'在整个组织中打破部门壁垒，在团队之间建立持久的联系，并商定客户能感受到的统一工作方式。'
				]
			},
			feedback: {
				label: '给予并寻求反馈',
				description: '及时给出具体的反馈，也主动征求反馈，不抵触。',
				anchors: [
					'很少给反馈，即使给也含糊或生硬；被同事指出工作问题时，要么辩解，要么置之不理。',
					'只在正式考评时给反馈，对别人的意见客气地接受，但很少因此做出改变。',
					'基于真实事例及时给出具体的反馈，主动问同事和客户哪里可以做得更好，并根据听到的意见采取行动。',
					'让双向反馈成为日常习惯，交接后主动了解哪些做法有效，对不中听的意见也表示感谢。',
					'营造团队之间坦诚反馈的氛围，指导他人给出有效的反馈，并根据反馈明显地调整做法。'
				]
			},
			'clear-communication': {
				label: '沟通清晰',
				description: '选对渠道和措辞，让相关人员及时了解进展，并形成闭环。',
				anchors: [
					'通过不合适的渠道发送含糊或满是术语的消息，不向申请人通报进展，关闭工单时也不说明处理结果。',
					'沟通内容准确但不完整，消息常常引来追问，只有别人来催才通报进展。',
					'选用合适的渠道和平实的语言，说明下一步做什么、何时完成，申请办结后形成闭环。',
					'根据读者调整表达，例如向焦虑的员工解释工资更正，并在对方开口询问之前主动通报进展。',
					'树立清晰沟通的标杆，把复杂的变化转化为人人都能看懂的信息，并帮助同事改写模板和通知。'
				]
			},
			'documents-the-process': {
				label: '让流程透明可见',
				description: '记录工作如何流转、谁负责什么、每项申请进展到哪一步，让他人能跟进和接手。',
				anchors: [
					'步骤只记在脑子里或私人笔记里，同事无法代为处理，客户也看不到申请进展到哪一步。',
					'经提醒才记录基本内容，但记录零散或过时，接手的人仍然要四处打听。',
					'及时更新工单备注和操作指南，让同事能接手工单，客户也能看到处理状态。',
					'梳理团队之间的交接环节，例如从向新员工发出录用通知到发放第一张工资条的各个步骤，让所有相关人员都能看到状态和负责人。',
					'让整个流程公开透明，维护其他团队也依赖的共享指南，并鼓励同事把编写文档视为服务的一部分。'
				]
			},
			reliability: {
				label: '信守承诺',
				description: '设定清晰的预期，遵守约定，并让进展可见。',
				anchors: [
					'做出无法兑现的承诺，错过约定的期限也不提前告知，让客户自己发现事情被耽搁了。',
					'通常能按期完成，但有时延误了也不告诉任何人，回答含糊，如“快了”“马上”。',
					'设定切合实际的预期，按约定的时间交付约定的内容，可能延误时提前告知。',
					'在月结等高峰期依然可靠，让进展随时可见，在承诺面临风险之前就公开重新商定。',
					'其他团队放心托付，无需催促也能如期交付；帮助本团队只承诺能做到的事，并说到做到。'
				]
			},
			'right-first-time': {
				label: '一次做对',
				description: '交出工作前先检查，免得客户和下一个团队退回来返工。',
				anchors: [
					'交出的工作常有错误或遗漏，例如发票上没有采购订单号，留给别人去发现和更正。',
					'日常工作能做对，但一忙就跳过检查，返工和退回的情况仍然经常出现。',
					'交出工作前对照要求检查，审批、付款和记录很少因需要更正而被退回。',
					'一开始就确认不清楚的信息，而不是靠猜，并从每次出错中吸取教训，避免再犯同样的错误。',
					'在流程中加入能为所有人防错的检查，例如更清晰的申请表或校验步骤，并帮助同事提高准确性。'
				]
			}
		}
	}
};
