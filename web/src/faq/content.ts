// The FAQ, from the product's own page (shared/seed/smartpay-faq.az.txt and its English translation).
// A paragraph is text or a list; [words](https://…) becomes a link.
import type { Language } from "../i18n";
import { IMEI_FAQ } from "./imeiContent";

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
  ...IMEI_FAQ,
];
