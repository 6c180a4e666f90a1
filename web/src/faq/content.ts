// The FAQ, from the product's own page (shared/seed/smartpay-faq.az.txt and its English translation).
// A paragraph is text or a list; [words](https://…) becomes a link.
import type { Language } from "../i18n";

export type Paragraph = string | string[];
export type Entry = { id: string } & Record<Language, { q: string; a: Paragraph[] }>;

export const FAQ: Entry[] = [
  {
    id: "what",
    az: {
      q: "Smartpay nədir?",
      a: [
        "Smartpay ödəniş sistemidir. Biz Sizə mobil və ev interneti daxil olmaqla, 50-dən çox fərqli xidməti evinizdən ödəmə imkanı yaradırıq.",
      ],
    },
    en: {
      q: "What is Smartpay?",
      a: [
        "Smartpay is a payment system. We let you pay more than 50 different services from home, including mobile and home internet.",
      ],
    },
    ru: {
      q: "Что такое Smartpay?",
      a: [
        "Smartpay — платёжная система. Мы даём возможность оплачивать из дома более 50 различных услуг, включая мобильную связь и домашний интернет.",
      ],
    },
  },
  {
    id: "how",
    az: {
      q: "Bu necə işləyir?",
      a: [
        "Provayderin təqdim etdiyi məlumatlar əsasında ödənişləri həyata keçirmək üçün biz tərəfdən imkan yaradılır. Diqqətinizə çatdırırıq ki, Smartpay yalnız provayderin təqdim etdiyi məlumatı Sizə ötürür. Xidmətlərin qiyməti, qoşulması və işləkliyi haqqında bütün suallar üzrə provayderə müraciət etməyinizi xahiş edirik.",
      ],
    },
    en: {
      q: "How does it work?",
      a: [
        "Payments are made possible by us on the basis of the information that the provider supplies. Please note that Smartpay only passes on to you the information the provider supplies. For all questions about the price, connection and operation of services, please contact the provider.",
      ],
    },
    ru: {
      q: "Как это работает?",
      a: [
        "Мы проводим платежи на основании информации, которую предоставляет поставщик. Обратите внимание: Smartpay только передаёт вам информацию поставщика. По всем вопросам о цене, подключении и работе услуг обращайтесь, пожалуйста, к поставщику.",
      ],
    },
  },
  {
    id: "contact",
    az: {
      q: "Əgər ödəniş zamanı problem yaranıbsa, bizimlə necə əlaqə saxlamaq olar?",
      a: [
        "Əgər ödəniş zamanı problemlə qarşılaşmısınızsa, «Məktub yaz» bölməsindən istifadə edin. Mütəxəssisin Sizə tez və dolğun cavab verə bilməsi üçün ad və soyadınızı qeyd edin, e-mail xanasını diqqətlə doldurun ki, Sizinlə əlaqə saxlanıla bilinsin. «Mövzu» xanasında problem yaşadığınız xidməti qeyd edin və «İsmarıc» bölməsində problemi təsvir edin.",
      ],
    },
    en: {
      q: "If a problem occurred during payment — how do I contact you?",
      a: [
        "If you run into a problem during payment, use the “Write a letter” (“Məktub yaz”) section. So that a specialist can answer you quickly and fully, give your first name and surname, and fill in the e-mail field carefully so that we can reach you. In the Subject field name the service you had a problem with, and describe the problem in the Message section.",
      ],
    },
    ru: {
      q: "Если при оплате возникла проблема — как с вами связаться?",
      a: [
        "Если при оплате возникла проблема, воспользуйтесь разделом «Написать письмо» («Məktub yaz»). Чтобы специалист мог ответить быстро и полно, укажите имя и фамилию и внимательно заполните поле e-mail, чтобы мы могли с вами связаться. В поле «Тема» укажите услугу, с которой возникла проблема, а в разделе «Сообщение» опишите её.",
      ],
    },
  },
  {
    id: "card",
    az: {
      q: "Bank kartımla ödəniş edə bilmirəm, nə etməliyəm?",
      a: [
        [
          "Kartınızın balansında kifayət qədər vəsait olduğundan əmin olun.",
          "Kartınızda yetərli vəsait var, lakin ödəniş yenə də keçmir? Belə olduğu təqdirdə bankınızda problem olma ehtimalı var. Ödənişi bir az sonra etməyə cəhd edin, bankınızla əlaqə saxlayın və ya başqa kartdan istifadə edin.",
          "Nəzərinizə çatdırırıq ki, ödəniş səhifəsində əməliyyatı həyata keçirmək üçün vaxt məhdudiyyəti var. Vaxt limiti keçildikdə ödəniş uğursuz ola bilər. Belə olduğu təqdirdə yenidən cəhd edin.",
        ],
      ],
    },
    en: {
      q: "I cannot pay with my bank card. What should I do?",
      a: [
        [
          "Make sure the balance of your card holds enough money.",
          "There is enough money on the card but the payment still fails? Then your bank may have a problem. Try again a little later, contact your bank, or use another card.",
          "Note that the payment page has a time limit for completing the operation. If the time limit is exceeded, the payment can fail. In that case, try again.",
        ],
      ],
    },
    ru: {
      q: "Не получается оплатить банковской картой. Что делать?",
      a: [
        [
          "Убедитесь, что на балансе карты достаточно средств.",
          "Средств достаточно, но платёж всё равно не проходит? Возможно, проблема на стороне вашего банка. Попробуйте чуть позже, свяжитесь с банком или используйте другую карту.",
          "Обратите внимание: у страницы оплаты есть ограничение по времени. Если время истекло, платёж может не пройти. В этом случае попробуйте снова.",
        ],
      ],
    },
  },
  {
    id: "debited",
    az: {
      q: "Bank kartından vəsait çıxıldı, lakin xidmət aktiv olmadı?",
      a: [
        "Sistem bunu özü görür: pul tutulub xidmət aktivləşməyibsə, müraciət avtomatik açılır və ödəniş ya aktivləşmə, ya da pulun qaytarılması ilə başa çatır. Ödənişin vəziyyətini nəticə səhifəsində izləyə bilərsiniz. Sualınız qalırsa, «Bizimlə necə əlaqə saxlamaq olar?» bölməsini oxuyaraq düzgün müraciət forması vasitəsilə bizimlə əlaqə saxlayın və mütəxəssisin cavabını gözləyin.",
      ],
    },
    en: {
      q: "Money was taken from my card, but the service was not activated?",
      a: [
        "The system notices this by itself: when money was taken and the service was not activated, a case opens automatically and the payment ends either activated or refunded. You can follow the payment on its result page. If you still have a question, read “How do I contact you?”, reach us through the proper request form, and wait for the specialist's answer.",
      ],
    },
    ru: {
      q: "Деньги списаны с карты, но услуга не активирована?",
      a: [
        "Система замечает это сама: если деньги списаны, а услуга не активирована, обращение открывается автоматически, и платёж завершается активацией или возвратом денег. Следить за платежом можно на странице результата. Если вопрос остался, прочитайте «Как с вами связаться?», напишите нам через форму обращения и дождитесь ответа специалиста.",
      ],
    },
  },
  {
    id: "no-answer",
    az: {
      q: "Bizə məktub yazdınız, lakin müraciətinizə cavab verilməyib?",
      a: [
        "Əks əlaqə üçün e-mail xanasını düzgün qeyd etməmiş ola bilərsiniz — «Bizimlə necə əlaqə saxlamaq olar?» bölməsini oxuyun. Smartpay mütəxəssisləri gün ərzində onlarla məktubu cavablandırır. Əgər sualınız saytın işləməsinə aid deyilsə, biz Sizi problemin həlli üçün aidiyyəti quruma yönləndirməyə çalışacağıq.",
      ],
    },
    en: {
      q: "I wrote to you, but nobody answered?",
      a: [
        "You may have entered the e-mail field incorrectly — read “How do I contact you?”. Smartpay specialists answer dozens of letters a day. If your question is not about how the site works, we will try to direct you to the institution concerned.",
      ],
    },
    ru: {
      q: "Я написал вам, но ответа нет?",
      a: [
        "Возможно, вы неверно указали e-mail — прочитайте «Как с вами связаться?». Специалисты Smartpay отвечают на десятки писем в день. Если ваш вопрос не касается работы сайта, мы постараемся направить вас в соответствующее учреждение.",
      ],
    },
  },
  {
    id: "imei-law",
    az: {
      q: "IMEI (Mobil Cihazların Qeydiyyat Sistemi)",
      a: [
        "31.07.2018 tarixində qanunvericilikdə dəyişikliklər. Hörmətli Smartpay istifadəçiləri, Azərbaycan Respublikası Nazirlər Kabinetinin 2018-ci il 31 iyul tarixli 336 nömrəli qərarına əsasən yeni dövlət rüsumları qüvvəyə minib.",
        "Nəzərinizə çatdırırıq ki, Smartpay dövlət rüsumlarının məbləğini təyin etmir və bu mövzuda olan çoxsaylı suallara cavab vermir. Dövlət rüsumunu [imei.az/phones](https://imei.az/phones) keçidindən öyrənə bilərsiniz.",
      ],
    },
    en: {
      q: "IMEI (Mobile Devices Registration System, MCQS)",
      a: [
        "Changes in legislation on 31.07.2018. Dear Smartpay users, under decision No. 336 of the Cabinet of Ministers of the Republic of Azerbaijan of 31 July 2018, new state fees came into force.",
        "Note that Smartpay does not set the state fee amounts and does not answer the many questions about them. You can look the state fee up at [imei.az/phones](https://imei.az/phones).",
      ],
    },
    ru: {
      q: "IMEI (Система регистрации мобильных устройств, MCQS)",
      a: [
        "Изменения в законодательстве от 31.07.2018. Уважаемые пользователи Smartpay, согласно решению Кабинета Министров Азербайджанской Республики № 336 от 31 июля 2018 года вступили в силу новые государственные пошлины.",
        "Обратите внимание: Smartpay не устанавливает размер государственных пошлин и не отвечает на многочисленные вопросы о них. Размер пошлины можно узнать на [imei.az/phones](https://imei.az/phones).",
      ],
    },
  },
  {
    id: "imei-number",
    az: {
      q: "IMEI nömrəsi",
      a: [
        "Öz IMEI nömrənizi cihazda *#06# yığaraq öyrənə bilərsiniz. Problemdən asılı olmayaraq, IMEI nömrənizi, duos olduğu təqdirdə isə IMEI nömrələrinizi qeyd etdikdə onların düzgünlüyündən əmin olun: nömrələr 15 simvoldan ibarət olmalıdır. Əgər nömrədə əlavə simvollar varsa, ekranda göründüyü kimi qeyd edin və ya cihaz ekranının şəklini dəstək e-poçtumuza göndərin.",
      ],
    },
    en: {
      q: "IMEI number",
      a: [
        "You can find your IMEI by dialling *#06# on the device. Whatever the problem, when you enter your IMEI number — or, for a duos (dual-SIM) device, your IMEI numbers — make sure they are correct: the numbers must consist of 15 characters. If the number shows extra characters, enter it as it appears on the screen, or send a photo of the device screen to our support e-mail.",
      ],
    },
    ru: {
      q: "Номер IMEI",
      a: [
        "Узнать IMEI можно, набрав на устройстве *#06#. Какой бы ни была проблема, вводя номер IMEI — а для устройства duos (две SIM-карты) оба номера, — убедитесь, что они верны: номер состоит из 15 символов. Если в номере есть дополнительные символы, введите его так, как он показан на экране, или отправьте фото экрана устройства на наш e-mail поддержки.",
      ],
    },
  },
  {
    id: "duos-fee",
    az: {
      q: "Mənim telefonum Duos tiplidir, nə qədər ödəməliyəm?",
      a: [
        "Qanunvericilikdəki dəyişikliyə əsasən qeydiyyatdan mobil cihaz keçirilir. Rüsum modelin single və ya duos tipli olmasından asılı olaraq dəyişmir.",
      ],
    },
    en: {
      q: "My phone is a Duos. How much do I pay?",
      a: [
        "Under the changed legislation, the mobile device is what gets registered. The fee does not change with the model being single or duos.",
      ],
    },
    ru: {
      q: "Мой телефон типа Duos. Сколько платить?",
      a: [
        "По изменённому законодательству регистрируется само мобильное устройство. Пошлина не зависит от того, single это модель или duos.",
      ],
    },
  },
  {
    id: "duos-mismatch",
    az: {
      q: "Duos və ya Single seçirəm, lakin cihazın seçilmiş tipə uyğun olmadığı yazılır?",
      a: [
        "«Məktub yaz» bölməsi vasitəsilə bizimlə əlaqə saxlayaraq cihazın qutusunda qeyd olunan kimi modelin adını və IMEI nömrəsini, Duos olduğu təqdirdə isə hər ikisini göndərin. Bütün məlumatlar düzgün göndərilibsə, mütəxəssis Sizinlə əlaqə saxlayacaq və problem 48 saat ərzində həll olunacaq.",
      ],
    },
    en: {
      q: "I choose Duos or Single, but it says the device does not match the chosen type?",
      a: [
        "Contact us through “Write a letter”, giving the model name as printed on the device box and the IMEI number — for a Duos, both. If everything was sent correctly, a specialist will contact you and the problem will be solved within 48 hours.",
      ],
    },
    ru: {
      q: "Выбираю Duos или Single, но пишет, что устройство не соответствует выбранному типу?",
      a: [
        "Напишите нам через «Написать письмо», указав название модели так, как оно напечатано на коробке устройства, и номер IMEI — для Duos оба. Если всё отправлено верно, специалист свяжется с вами, и проблема будет решена в течение 48 часов.",
      ],
    },
  },
  {
    id: "imei-network",
    az: {
      q: "Qeydiyyat uğurla başa çatdı, şəbəkə nə vaxt qayıdacaq?",
      a: [
        "Uğurlu əməliyyatdan sonra cihaz bir gün ərzində qeydiyyatdan keçir. Dəyişiklikləri qəbul etməsi üçün cihazı söndürüb yandırmağı unutmayın. Uğurlu ödənişdən bir gün sonra şəbəkə qayıtmayıbsa, [imei.az/contact](https://imei.az/contact) ilə əlaqə saxlamağınızı xahiş edirik.",
      ],
    },
    en: {
      q: "Registration succeeded. When will the network come back?",
      a: [
        "After a successful operation the device is registered within one day. Do not forget to switch the device off and on so that it takes the change. If the network has not come back one day after a successful payment, please contact [imei.az/contact](https://imei.az/contact).",
      ],
    },
    ru: {
      q: "Регистрация прошла успешно. Когда вернётся сеть?",
      a: [
        "После успешной операции устройство регистрируется в течение одного дня. Не забудьте выключить и включить устройство, чтобы оно приняло изменения. Если через день после успешной оплаты сеть не вернулась, обратитесь на [imei.az/contact](https://imei.az/contact).",
      ],
    },
  },
  {
    id: "imei-questions",
    az: {
      q: "IMEI (MCQS) xidməti üzrə suallarınız, təklif və şikayətləriniz varsa",
      a: ["[imei.az](https://imei.az/) saytına keçid edin və ya 157 nömrəsinə zəng edin."],
    },
    en: {
      q: "Questions, suggestions or complaints about the IMEI (MCQS) service",
      a: ["Go to [imei.az](https://imei.az/) or call 157."],
    },
    ru: {
      q: "Вопросы, предложения или жалобы по услуге IMEI (MCQS)",
      a: ["Перейдите на сайт [imei.az](https://imei.az/) или позвоните по номеру 157."],
    },
  },
];
