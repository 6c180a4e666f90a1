// The FAQ's entries on registering a device's IMEI (the law, the number, the fee, the network).
import type { Entry } from "./content";

export const IMEI_FAQ: Entry[] = [
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
